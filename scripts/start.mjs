// `npm start`: build, then run the desk in Electron, downloading its binary first when it is missing;
// where that cannot be done (ELECTRON_SKIP_BINARY_DOWNLOAD, no network), serve the same desk to a
// browser instead. PORTALDESK_SKIP_BUILD=1 runs out/ as the last build left it.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary, electronVersion, runElectronInstaller } from './electron-installer.mjs'
import { planLaunch } from './electron-launch.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')

/** @param {string[]} args */
function run(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
  // Ctrl+C reaches the whole process group; wait for the child to stop cleanly rather than die first.
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => child.kill('SIGTERM'))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (process.env.PORTALDESK_SKIP_BUILD !== '1') {
  const built = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) {
    console.error('\nThe build failed; see the errors above.')
    process.exit(built.status ?? 1)
  }
}

const plan = await planLaunch({
  findBinary: electronBinary,
  install: runElectronInstaller,
  env: process.env,
  electronVersion,
  say: (line) => console.log(line)
})

if (plan.host === 'electron') {
  run([electronVite, 'preview', '--skipBuild'])
} else {
  console.log(`\n${plan.message}\n`)
  // node --import tsx rather than the tsx CLI: no extra process between Ctrl+C and the host's clean stop.
  run(['--import', 'tsx', join(root, 'test/browser-host/cli.ts'), ...process.argv.slice(2)])
}
