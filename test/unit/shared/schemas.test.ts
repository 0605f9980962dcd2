import { describe, expect, it } from 'vitest'
import { userListQuery, userDetail, userId } from '../../../src/shared/users'
import { connectionsFile, newRemoteConnection } from '../../../src/shared/connections'
import { loginRequest } from '../../../src/shared/auth'
import { errorCodes, errorMessages, DeskError, fieldIssues } from '../../../src/shared/errors'

describe('userListQuery', () => {
  it('fills defaults and coerces query-string numbers', () => {
    expect(userListQuery.parse({})).toEqual({ kind: 'all', sort: 'name', limit: 50 })
    expect(userListQuery.parse({ limit: '200', kind: 'portal', sort: '-lastSignInAt' })).toMatchObject({
      limit: 200,
      kind: 'portal',
      sort: '-lastSignInAt'
    })
  })

  it.each([
    [{ limit: 0 }],
    [{ limit: 201 }],
    [{ limit: 'ten' }],
    [{ limit: 2.5 }],
    [{ kind: 'admins' }],
    [{ sort: 'password' }],
    [{ sort: '--name' }],
    [{ q: 'x'.repeat(201) }],
    [{ cursor: '' }]
  ])('rejects %j', (input) => {
    expect(userListQuery.safeParse(input).success).toBe(false)
  })

  it('trims the search text', () => {
    expect(userListQuery.parse({ q: '  wang  ' }).q).toBe('wang')
  })
})

describe('userId', () => {
  it.each(['0', '-1', 'abc', '1e3x', String(2 ** 60)])('rejects %s', (value) => {
    expect(userId.safeParse(value).success).toBe(false)
  })
  it('accepts a numeric string', () => {
    expect(userId.parse('42')).toBe(42)
  })
})

describe('userDetail', () => {
  it('requires ISO timestamps with an offset', () => {
    const base = {
      id: 1, kind: 'portal', login: 'a', name: 'A', email: null, phone: null, company: null, website: null,
      active: true, lastSignInAt: null, version: 0, firstName: null, lastName: null, role: null, language: 'en',
      city: null, country: null, companyId: null, websiteId: null,
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z'
    }
    expect(userDetail.safeParse(base).success).toBe(true)
    expect(userDetail.safeParse({ ...base, createdAt: 'yesterday' }).success).toBe(false)
  })
})

describe('connections', () => {
  it.each(['portal.example.com', 'ftp://portal.example.com', 'javascript:alert(1)', 'https://user:pw@portal.example.com', 'https://portal.example.com/#x', ''])(
    'rejects the portal URL %s',
    (url) => {
      expect(newRemoteConnection.safeParse({ name: 'Prod', url }).success).toBe(false)
    }
  )

  it('normalises a trailing slash away', () => {
    expect(newRemoteConnection.parse({ name: ' Prod ', url: 'https://portal.example.com/' })).toEqual({
      name: 'Prod',
      url: 'https://portal.example.com'
    })
  })

  it('rejects a connections file of the wrong shape', () => {
    expect(connectionsFile.safeParse({ profiles: [{ id: 'x', kind: 'remote', name: 'A', url: 'nope' }], activeId: null }).success).toBe(false)
    expect(connectionsFile.safeParse({ profiles: 'all', activeId: null }).success).toBe(false)
  })
})

describe('loginRequest', () => {
  it('rejects empty credentials and oversize passwords', () => {
    expect(loginRequest.safeParse({ login: ' ', password: 'x' }).success).toBe(false)
    expect(loginRequest.safeParse({ login: 'admin', password: '' }).success).toBe(false)
    expect(loginRequest.safeParse({ login: 'admin', password: 'x'.repeat(1025) }).success).toBe(false)
  })
})

describe('errors', () => {
  it('has a message in both languages for every code', () => {
    for (const code of errorCodes) {
      expect(errorMessages[code].en.length).toBeGreaterThan(0)
      expect(errorMessages[code]['zh-CN'].length).toBeGreaterThan(0)
    }
  })

  it('round-trips a DeskError through its plain shape', () => {
    const error = new DeskError('VALIDATION', undefined, [{ path: 'url', message: 'bad' }])
    const copy = DeskError.fromShape(structuredClone(error.toShape()))
    expect(copy).toBeInstanceOf(DeskError)
    expect(copy.code).toBe('VALIDATION')
    expect(copy.message).toBe(errorMessages.VALIDATION.en)
    expect(fieldIssues(copy.details)).toEqual([{ path: 'url', message: 'bad' }])
  })

  it('ignores details that are not field issues', () => {
    expect(fieldIssues({ currentVersion: 3 })).toEqual([])
    expect(fieldIssues([{ path: 1 }, 'x', null] as unknown as Record<string, unknown>)).toEqual([])
  })
})

describe('numbers from paths and query strings', () => {
  it.each(['0x10', '1e1', ' 7', '7 ', '', '+7', '-7', '7.0', '0', String(2 ** 60)])('refuses %j as a record id', (value) => {
    expect(userId.safeParse(value).success).toBe(false)
  })

  it('reads plain digits and numbers', () => {
    expect(userId.parse('16')).toBe(16)
    expect(userId.parse(16)).toBe(16)
    expect(userListQuery.safeParse({ limit: '0x10' }).success).toBe(false)
  })
})
