import { describe, expect, it, vi } from 'vitest'
import { installerError, planLaunch, skipDownloadVariable } from '../../../scripts/electron-launch.mjs'

const binary = '/app/node_modules/electron/dist/electron'

function inputs(options: { present: boolean; installs?: 'ok' | 'no-binary' | string; env?: Record<string, string> }) {
  let installed = options.present
  const install = vi.fn(async () => {
    if (options.installs === 'ok') installed = true
    return options.installs === 'ok' || options.installs === 'no-binary' ? { ok: true as const } : { ok: false as const, error: options.installs ?? 'unused' }
  })
  const said: string[] = []
  return {
    install,
    said,
    launch: { findBinary: () => (installed ? binary : null), install, env: options.env ?? {}, electronVersion: '45.4.1', say: (line: string) => void said.push(line) }
  }
}

describe('planLaunch: Electron where its binary is or can be installed, the browser host otherwise', () => {
  it('runs an installed binary without calling the installer', async () => {
    const { launch, install, said } = inputs({ present: true })
    await expect(planLaunch(launch)).resolves.toEqual({ host: 'electron', binary })
    expect(install).not.toHaveBeenCalled()
    expect(said).toEqual([])
  })

  it('downloads a missing binary with the installer, says so, then runs it', async () => {
    const { launch, install, said } = inputs({ present: false, installs: 'ok' })
    await expect(planLaunch(launch)).resolves.toEqual({ host: 'electron', binary })
    expect(install).toHaveBeenCalledTimes(1)
    expect(said[0]).toMatch(/Electron 45\.4\.1 is not installed yet: downloading/)
  })

  it('falls back to the browser host with the installer’s own error and how to retry', async () => {
    const { launch, install, said } = inputs({ present: false, installs: 'TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:9)' })
    const plan = await planLaunch(launch)
    expect(install).toHaveBeenCalledTimes(1)
    expect(said[0]).toMatch(/downloading/)
    expect(plan).toMatchObject({ host: 'browser', reason: 'install-failed' })
    if (plan.host !== 'browser') throw new Error('expected the browser host')
    expect(plan.message).toContain('its installer failed: TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:9)')
    expect(plan.message).toMatch(/run npm start again/)
    expect(plan.message).toContain('ELECTRON_MIRROR')
  })

  it('does not trust an installer that succeeded but left no binary', async () => {
    const plan = await planLaunch(inputs({ present: false, installs: 'no-binary' }).launch)
    expect(plan).toMatchObject({ host: 'browser', reason: 'install-failed' })
    if (plan.host !== 'browser') throw new Error('expected the browser host')
    expect(plan.message).toContain('left no binary')
  })

  it(`never tries when ${skipDownloadVariable} is set, and says that rather than a failed download`, async () => {
    const { launch, install, said } = inputs({ present: false, installs: 'ok', env: { [skipDownloadVariable]: '1' } })
    const plan = await planLaunch(launch)
    expect(install).not.toHaveBeenCalled()
    expect(said).toEqual([])
    expect(plan).toMatchObject({ host: 'browser', reason: 'skipped' })
    if (plan.host !== 'browser') throw new Error('expected the browser host')
    expect(plan.message).toContain(`${skipDownloadVariable} is set`)
    expect(plan.message).not.toMatch(/could not be downloaded|failed/)
  })

  it(`still runs a binary that is already there when ${skipDownloadVariable} is set`, async () => {
    const { launch, install } = inputs({ present: true, env: { [skipDownloadVariable]: '1' } })
    await expect(planLaunch(launch)).resolves.toEqual({ host: 'electron', binary })
    expect(install).not.toHaveBeenCalled()
  })
})

describe('installerError: the installer’s stderr in one line', () => {
  it('keeps the message and drops the stack frames', () => {
    const stderr = 'TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:9)\n    at node:internal/deps/undici/undici:13502:13\n    at async FetchDownloader.download (file:///x.js:46:30)\n'
    expect(installerError(stderr)).toBe('TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:9)')
  })

  it('says so when the installer printed nothing', () => {
    expect(installerError('\n')).toMatch(/without saying why/)
  })
})
