import { describe, expect, it } from 'vitest'
import { LocalPortal, generateSeedPassword } from '../../../src/main/local-portal/local-portal'
import { localPortalEnv } from '../../../src/shared/local-portal-protocol'
import { fakeLauncher } from './support/fake-launcher'
import { recordingLogger } from './support/fakes'

const ready = (port: number, seeded: boolean) => ({ type: 'ready', port, seeded })

function portal(launcher: ReturnType<typeof fakeLauncher>, extra: Partial<ConstructorParameters<typeof LocalPortal>[0]> = {}) {
  return new LocalPortal({ launcher, dataDir: '/data/portal', log: recordingLogger(), ...extra })
}

describe('LocalPortal', () => {
  it('launches the server on 127.0.0.1 with a free port, its data folder and the seed settings', async () => {
    const launcher = fakeLauncher((child) => child.send(ready(43123, true)))
    const local = portal(launcher, { seedUsers: 40, baseEnv: { PATH: '/usr/bin', DATABASE_URL: 'postgres://prod/db', PORT: '80' } })
    const running = await local.start()
    expect(running).toMatchObject({ url: 'http://127.0.0.1:43123', seeded: true })
    expect(local.status()).toEqual({ state: 'running' })
    expect(local.url()).toBe('http://127.0.0.1:43123')
    const env = launcher.launched[0]?.env
    expect(env).toMatchObject({
      [localPortalEnv.host]: '127.0.0.1',
      [localPortalEnv.port]: '0',
      [localPortalEnv.dataDir]: '/data/portal',
      [localPortalEnv.seedIfEmpty]: '1',
      [localPortalEnv.seedUsers]: '40',
      [localPortalEnv.mailbox]: 'local',
      [localPortalEnv.seedPassword]: running.seedPassword,
      PATH: '/usr/bin'
    })
    // A DATABASE_URL in the desk's environment must not send the embedded portal to another database.
    expect(env).not.toHaveProperty('DATABASE_URL')
  })

  it('uses the supplied seed password, or a strong random one', async () => {
    const supplied = await portal(fakeLauncher((child) => child.send(ready(1234, true))), { seedPassword: 'given-Password-1' }).start()
    expect(supplied.seedPassword).toBe('given-Password-1')
    const a = generateSeedPassword()
    const b = generateSeedPassword()
    expect(a).not.toBe(b)
    expect(a.length).toBeGreaterThanOrEqual(24)
    expect(a).toMatch(/[A-Z]/)
    expect(a).toMatch(/[a-z]/)
    expect(a).toMatch(/[0-9]/)
  })

  it('shares one start between concurrent callers and reuses the running server', async () => {
    const launcher = fakeLauncher((child) => child.send(ready(1234, false)))
    const local = portal(launcher)
    const [a, b] = await Promise.all([local.start(), local.start()])
    expect(a.url).toBe(b.url)
    await local.start()
    expect(launcher.launched).toHaveLength(1)
  })

  it('reports a failure message from the server as PORTAL_START_FAILED with the reason', async () => {
    const local = portal(fakeLauncher((child) => child.send({ type: 'failed', message: 'The database schema is newer than this server.' })))
    await expect(local.start()).rejects.toMatchObject({ code: 'PORTAL_START_FAILED', message: expect.stringContaining('schema is newer') })
    expect(local.status()).toEqual({ state: 'failed', error: expect.stringContaining('schema is newer') })
  })

  it('reports an early exit in words', async () => {
    const local = portal(fakeLauncher((child) => child.exit(1)))
    await expect(local.start()).rejects.toMatchObject({ code: 'PORTAL_START_FAILED', message: expect.stringContaining('exited (code 1) before it was ready') })
  })

  it('reports a launch that throws', async () => {
    const local = portal({
      launched: [],
      launch: () => {
        throw new Error('ENOENT portal-server.js')
      }
    })
    await expect(local.start()).rejects.toMatchObject({ code: 'PORTAL_START_FAILED', message: expect.stringContaining('could not be created') })
  })

  it('times out a server that never answers, and kills it', async () => {
    const launcher = fakeLauncher(() => {})
    const local = portal(launcher, { startTimeoutMs: 50 })
    await expect(local.start()).rejects.toMatchObject({ code: 'PORTAL_START_FAILED', message: expect.stringContaining('did not report ready') })
    expect(launcher.launched[0]?.killed).toBe(1)
  })

  it('ignores messages outside the protocol', async () => {
    const local = portal(
      fakeLauncher((child) => {
        child.send({ type: 'ready', port: 'eighty' })
        child.send('hello')
        child.send(ready(5555, false))
      })
    )
    expect((await local.start()).url).toBe('http://127.0.0.1:5555')
  })

  it('can start again after a failure', async () => {
    let attempt = 0
    const launcher = fakeLauncher((child) => (++attempt === 1 ? child.exit(1) : child.send(ready(7777, false))))
    const local = portal(launcher)
    await expect(local.start()).rejects.toMatchObject({ code: 'PORTAL_START_FAILED' })
    expect((await local.start()).url).toBe('http://127.0.0.1:7777')
  })

  it('stops with SIGTERM and marks itself stopped', async () => {
    const launcher = fakeLauncher((child) => child.send(ready(1234, false)))
    const local = portal(launcher)
    await local.start()
    await local.stop()
    expect(launcher.launched[0]?.terminated).toBe(1)
    expect(launcher.launched[0]?.killed).toBe(0)
    expect(local.status()).toEqual({ state: 'stopped' })
    expect(local.url()).toBeNull()
  })

  it('kills a server that ignores SIGTERM after the stop timeout', async () => {
    const launcher = fakeLauncher((child) => child.send(ready(1234, false)), { exitsOnTerminate: false })
    const local = portal(launcher, { stopTimeoutMs: 50 })
    await local.start()
    await local.stop()
    expect(launcher.launched[0]?.killed).toBe(1)
    expect(local.status()).toEqual({ state: 'stopped' })
  })

  it('notices a server that dies after it was ready', async () => {
    const launcher = fakeLauncher((child) => child.send(ready(1234, false)))
    const local = portal(launcher)
    await local.start()
    launcher.launched[0]?.exit(137)
    expect(local.status()).toEqual({ state: 'failed', error: expect.stringContaining('stopped unexpectedly') })
    expect(local.url()).toBeNull()
  })

  it('stop is a no-op when nothing runs', async () => {
    await expect(portal(fakeLauncher(() => {})).stop()).resolves.toBeUndefined()
  })
})
