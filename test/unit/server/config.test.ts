import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../../src/server/config'

describe('parseConfig', () => {
  it('uses the documented defaults', () => {
    expect(parseConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4780,
      dataDir: './.portal-data',
      databaseUrl: undefined,
      logLevel: 'info',
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      mailbox: 'off',
      operatorTwoFactor: 'optional'
    })
  })

  it('reads MAILBOX (off by default; local keeps full emails) and names the accepted values when it is wrong', () => {
    expect(parseConfig({ MAILBOX: 'local' }).mailbox).toBe('local')
    expect(parseConfig({ MAILBOX: '' }).mailbox).toBe('off')
    expect(() => parseConfig({ MAILBOX: 'on' })).toThrow(/MAILBOX must be one of off, local/)
  })

  it('reads the OPERATOR_2FA policy and names the accepted values when it is wrong', () => {
    expect(parseConfig({ OPERATOR_2FA: 'required' }).operatorTwoFactor).toBe('required')
    expect(() => parseConfig({ OPERATOR_2FA: 'yes' })).toThrow(/OPERATOR_2FA must be one of optional, required/)
  })

  it('reads every variable, and treats empty ones as unset', () => {
    const config = parseConfig({
      HOST: '0.0.0.0',
      PORT: '0',
      DATA_DIR: '/var/lib/portal',
      DATABASE_URL: 'postgresql://portal:secret@db:5432/portal',
      LOG_LEVEL: 'warn',
      SESSION_IDLE_MINUTES: '15',
      SESSION_ABSOLUTE_HOURS: '8'
    })
    expect(config).toMatchObject({ host: '0.0.0.0', port: 0, dataDir: '/var/lib/portal', logLevel: 'warn', sessionIdleMs: 900_000, sessionAbsoluteMs: 28_800_000 })
    expect(config.databaseUrl).toBe('postgresql://portal:secret@db:5432/portal')
    expect(parseConfig({ DATABASE_URL: '', PORT: ' ' })).toMatchObject({ databaseUrl: undefined, port: 4780 })
  })

  it('migrates as MIGRATION_DATABASE_URL, which defaults to DATABASE_URL and needs it', () => {
    const runtime = 'postgres://portal_app@db/portal'
    const owner = 'postgres://portal_owner@db/portal'
    expect(parseConfig({ DATABASE_URL: runtime }).migrationDatabaseUrl).toBe(runtime)
    expect(parseConfig({ DATABASE_URL: runtime, MIGRATION_DATABASE_URL: owner })).toMatchObject({ databaseUrl: runtime, migrationDatabaseUrl: owner })
    expect(() => parseConfig({ MIGRATION_DATABASE_URL: owner })).toThrow(/set DATABASE_URL too/)
    expect(() => parseConfig({ DATABASE_URL: runtime, MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow(/MIGRATION_DATABASE_URL must start with postgres/)
  })

  it('names every bad variable in one clear message', () => {
    const attempt = () => parseConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SESSION_IDLE_MINUTES: '2.5' })
    expect(attempt).toThrow(ConfigError)
    try {
      attempt()
    } catch (error) {
      const problems = (error as ConfigError).problems
      expect(problems).toHaveLength(4)
      expect(problems.join('\n')).toMatch(/PORT: PORT must be between 0 and 65535/)
      expect(problems.join('\n')).toMatch(/DATABASE_URL must start with postgres:\/\//)
      expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/)
      expect(problems.join('\n')).toMatch(/SESSION_IDLE_MINUTES must be a whole number/)
      expect((error as Error).message).not.toContain('mysql://x')
    }
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT must be a number/)
  })

  it('reads how often the mail worker polls, within 1 ms to a minute', () => {
    expect(parseConfig({ MAIL_POLL_MS: '200' }).mailPollMs).toBe(200)
    expect(parseConfig({}).mailPollMs).toBeUndefined()
    expect(() => parseConfig({ MAIL_POLL_MS: '0' })).toThrow(/MAIL_POLL_MS must be at least 1/)
    expect(() => parseConfig({ MAIL_POLL_MS: '600000' })).toThrow(/MAIL_POLL_MS must be at most 60000/)
    expect(() => parseConfig({ MAIL_POLL_MS: 'often' })).toThrow(/MAIL_POLL_MS must be a whole number/)
  })

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses and CIDR ranges, and trusts nobody by default', () => {
    expect(parseConfig({}).trustProxy).toBeUndefined()
    expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(parseConfig({ TRUST_PROXY: ' 10.0.0.0/8, 192.168.1.5 ,::1, fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5', '::1', 'fd00::/8', 'loopback'])
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be a hop count \(1 to 10\) or a comma-separated list.*"true"/)
    expect(() => parseConfig({ TRUST_PROXY: '0' })).toThrow(/TRUST_PROXY as a hop count must be between 1 and 10/)
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not valid: "10.0.0.0\/33"/)
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.1,,10.0.0.2' })).toThrow(/not valid: ""/)
    expect(() => parseConfig({ TRUST_PROXY: '300.1.1.1' })).toThrow(ConfigError)
  })
})
