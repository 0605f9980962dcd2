import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { deskSections } from '../../src/shared/ipc/desk-api'
import { electronExecutable } from '../support/electron'

// The real desktop app: window hardening, the preload, safeStorage and the utilityProcess launcher
// only run inside Electron. Where its binary is not installed (`npm start` downloads it on a connected
// machine) this says so and skips.
const executable = electronExecutable()
if (!executable) console.warn('SKIPPED: the Electron binary is not installed here (run npm start once with network access to download it); the real-Electron smoke test did not run.')

test('the packaged desk starts the embedded portal, signs the local administrator in and lists portal users', async () => {
  test.skip(!executable, 'the Electron binary is not installed here')
  const userData = await mkdtemp(join(tmpdir(), 'portaldesk-electron-'))
  const app = await electron.launch({
    executablePath: executable ?? undefined,
    args: ['.', '--no-sandbox'],
    env: { ...process.env, PORTALDESK_USER_DATA_DIR: userData, PORTALDESK_SEED_USERS: '60' }
  })
  try {
    const window = await app.firstWindow()
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 })
    await expect(window.getByTestId('signed-in')).toBeVisible()
    await expect(window.getByTestId('user-row').first()).toBeVisible()
    expect(await window.title()).toContain('PortalDesk')
    // The bridge is the narrow one from the contract (every section of the channel map), never ipcRenderer.
    expect(await window.evaluate(() => Object.keys((window as unknown as { desk: object }).desk).sort())).toEqual(deskSections)
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
  } finally {
    await app.close()
    await rm(userData, { recursive: true, force: true })
  }
})
