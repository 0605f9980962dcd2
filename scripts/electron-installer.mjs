// Runs Electron's own installer (node_modules/electron/install.js): it honours ELECTRON_MIRROR and
// the download cache, checks the checksum, and writes dist/ and path.txt only once the zip is whole.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { installerError } from './electron-launch.mjs'

const electronDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron')
const revealCause = join(dirname(fileURLToPath(import.meta.url)), 'electron-install-cause.cjs')
// The installer's own progress bar needs a terminal on stderr, which is piped here to read its error.
const stillDownloadingEveryMs = 15_000

export const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version

/** The binary that require('electron') would return, read from path.txt without requiring it (which downloads). */
export function electronBinary() {
  try {
    const path = join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8').trim())
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}

/** @returns {Promise<import('./electron-launch.mjs').InstallOutcome>} */
export function runElectronInstaller() {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(process.execPath, ['--require', revealCause, join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'inherit', 'pipe']
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      process.stderr.write(chunk)
    })
    const heartbeat = setInterval(() => {
      console.log(`… still downloading Electron (${Math.round((Date.now() - started) / 1000)} s so far)`)
    }, stillDownloadingEveryMs)
    child.on('error', (error) => {
      clearInterval(heartbeat)
      resolve({ ok: false, error: error.message })
    })
    child.on('close', (code, signal) => {
      clearInterval(heartbeat)
      if (code === 0) resolve({ ok: true })
      else resolve({ ok: false, error: stderr.trim() ? installerError(stderr) : `it stopped (${signal ?? `exit code ${code}`})` })
    })
  })
}
