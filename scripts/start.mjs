// `npm start`: build, then run the desk in Electron; where no Electron binary could be installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD, no network), serve the same desk to a browser instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (pkg, file) => join(root, 'node_modules', pkg, file)

// require('electron') would try to download a missing binary (and fail slowly without network), so
// read the path it would return instead: node_modules/electron/path.txt names the binary in dist/.
function electronBinary() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const path = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim())
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}

function run(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
  // Ctrl+C reaches the whole process group; wait for the child to stop cleanly rather than die first.
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => child.kill('SIGTERM'))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const built = spawnSync(process.execPath, [bin('electron-vite', 'bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
if (built.status !== 0) {
  console.error('\nThe build failed; see the errors above.')
  process.exit(built.status ?? 1)
}

if (electronBinary()) {
  run([bin('electron-vite', 'bin/electron-vite.js'), 'preview', '--skipBuild'])
} else {
  console.log(
    [
      '',
      'Electron could not be downloaded on this machine (no binary in node_modules/electron),',
      'so PortalDesk starts in your browser instead: the same desk, served on 127.0.0.1.',
      'To get the desktop app, reinstall with network access: npm install (without ELECTRON_SKIP_BINARY_DOWNLOAD).',
      ''
    ].join('\n')
  )
  // node --import tsx rather than the tsx CLI: no extra process between Ctrl+C and the host's clean stop.
  run(['--import', 'tsx', join(root, 'test/browser-host/cli.ts'), ...process.argv.slice(2)])
}
