import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { isConnectionLost, uniqueViolationField } from '../../../src/server/db/errors'
import { toErrorResponse } from '../../../src/server/http/errors'
import { staleVersion } from '../../../src/server/domain/users/versioned-update'
import { renderMail } from '../../../src/server/mail/templates'
import { normalizeEmail, normalizePhone } from '../../../src/server/domain/blocklist/normalize'

const pgError = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`pg ${code}`), { code, ...extra })

describe('database errors as API errors', () => {
  it('turns a unique violation into 409 CONFLICT naming the field', () => {
    expect(toErrorResponse(pgError('23505', { constraint: 'users_login_key' }))).toEqual({
      status: 409,
      body: { error: { code: 'CONFLICT', message: 'Another record already uses this login.', details: [{ path: 'login', message: 'Another record already uses this login.', reason: 'loginTaken' }] } }
    })
    expect(toErrorResponse(pgError('23505', { constraint: 'users_email_key' })).body.error.details).toEqual([{ path: 'email', message: expect.any(String), reason: 'emailTaken' }])
    expect(toErrorResponse(pgError('23505', { constraint: 'api_keys_one_active' })).body.error.details).toEqual([{ path: 'websiteId', message: expect.any(String) }])
    expect(toErrorResponse(pgError('23505')).status).toBe(409)
  })

  it('guesses the field of an unlisted unique constraint from its name', () => {
    expect(uniqueViolationField('companies_vat_number_key')).toBe('vatNumber')
    expect(uniqueViolationField('strange')).toBeNull()
    expect(uniqueViolationField(null)).toBeNull()
  })

  it.each([
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['admin shutdown 57P01', pgError('57P01')],
    ['connection failure 08006', pgError('08006')],
    ['cannot connect now 57P03', pgError('57P03')],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a closed PGlite', new Error('PGlite is closed')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a wrapped cause', new Error('query failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })],
    ['an aggregate of refusals', new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'all failed')]
  ])('turns a lost connection (%s) into 503 UNAVAILABLE', (_label, error) => {
    expect(isConnectionLost(error)).toBe(true)
    expect(toErrorResponse(error)).toMatchObject({ status: 503, body: { error: { code: 'UNAVAILABLE' } } })
  })

  it('does not take a statement error for a lost connection', () => {
    expect(isConnectionLost(pgError('42P01'))).toBe(false)
    expect(isConnectionLost(new Error('boom'))).toBe(false)
    expect(toErrorResponse(pgError('42P01')).status).toBe(500)
  })

  it('answers bad input that reached the database with 400, and races with 409', () => {
    for (const code of ['23503', '23514', '22001', '22P02']) expect(toErrorResponse(pgError(code)).status, code).toBe(400)
    for (const code of ['40001', '40P01']) expect(toErrorResponse(pgError(code)).body.error.code, code).toBe('CONFLICT')
  })

  it('reports a stale version as 409 with the current one', () => {
    expect(toErrorResponse(staleVersion(7))).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', details: { currentVersion: 7 } } } })
  })

  it('gives REAUTH_REQUIRED 403', () => {
    expect(toErrorResponse(new DeskError('REAUTH_REQUIRED')).status).toBe(403)
  })
})

describe('mail templates', () => {
  it('renders the password-changed mail in English and Chinese, without any password', () => {
    const data = { name: '王芳', changedAt: '2026-03-02T08:15:00.000Z', portalUrl: 'https://portal.example' }
    const en = renderMail('passwordChanged', 'en', data)
    const zh = renderMail('passwordChanged', 'zh-CN', data)
    expect(en.subject).toBe('Your password was changed')
    expect(en.text).toContain('2026-03-02 08:15 UTC')
    expect(en.text).toContain('Hello 王芳,')
    expect(zh.subject).toBe('您的密码已更改')
    expect(zh.text).toContain('https://portal.example')
  })
})

describe('block list normalization', () => {
  it('compares emails case-insensitively and phones by digits', () => {
    expect(normalizeEmail('  Anna.Schmidt@Example.COM ')).toBe('anna.schmidt@example.com')
    expect(normalizePhone('+49 (30) 901820-10')).toBe('+493090182010')
    expect(normalizePhone('138 0013 8000')).toBe('13800138000')
  })
})
