import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import {
  assertAllowed,
  can,
  needsReauth,
  needsTicket,
  permissionActions,
  type AuthorizationSubject,
  type PermissionAction
} from '../../../src/server/domain/permissions'

/**
 * The matrix of issue 3, written out by hand (not derived from the implementation): for each action,
 * whether [administrator, support] may do it on [a portal user, an internal user].
 * A = administrator only, S = support too on portal users, R = support reads everyone.
 */
const A = { administrator: { portal: true, internal: true }, support: { portal: false, internal: false } }
const S = { administrator: { portal: true, internal: true }, support: { portal: true, internal: false } }
const R = { administrator: { portal: true, internal: true }, support: { portal: true, internal: true } }

const expected: Record<PermissionAction, typeof A> = {
  'users.read': R,
  'companies.read': R,
  'websites.read': R,
  'sessions.read': S,
  'passkeys.read': S,
  'apiKeys.read': S,
  'paymentMethods.read': S,
  'signIns.read': S,
  'audit.read': S,
  'outbox.read': A,
  'users.create': A,
  'users.update': A,
  'users.changeLogin': A,
  'users.changeEmail': A,
  'users.changeRole': A,
  'users.overrideDocumentLock': A,
  'users.archive': A,
  'users.restore': A,
  'users.delete': A,
  'portalAccess.manage': A,
  'blocklist.manage': A,
  'password.set': S,
  'password.resetLink': S,
  'password.requireReset': A,
  'twoFactor.invite': S,
  'twoFactor.disable': S,
  'sessions.revoke': S,
  'lock.unlock': S,
  'passkeys.revoke': A,
  'apiKeys.revoke': A,
  'paymentMethods.delete': A,
  'helpdesk.search': R,
  'identity.verify': S,
  'username.remind': S
}

const cells = permissionActions.flatMap((action) =>
  (['administrator', 'support'] as const).flatMap((role) =>
    (['portal', 'internal'] as const).map((kind) => ({ action, role, kind, allowed: expected[action][role][kind] }))
  )
)

describe('the role matrix', () => {
  it('lists every action exactly once', () => {
    expect(new Set(permissionActions).size).toBe(permissionActions.length)
    expect(Object.keys(expected).sort()).toEqual([...permissionActions].sort())
  })

  it.each(cells)('$role → $action on a $kind user: $allowed', ({ action, role, kind, allowed }) => {
    expect(can(role, action, { kind, id: 500 })).toBe(allowed)
    expect(can(role, action, kind)).toBe(allowed)
  })

  it('without a target, only an unrestricted scope counts', () => {
    expect(can('administrator', 'outbox.read')).toBe(true)
    expect(can('support', 'outbox.read')).toBe(false)
    expect(can('support', 'companies.read')).toBe(true)
    expect(can('support', 'users.create')).toBe(false)
    // Support reads the audit of portal users only: a list without a target must be narrowed.
    expect(can('support', 'audit.read')).toBe(false)
  })
})

describe('re-authentication', () => {
  const portalUser = { kind: 'portal' as const, id: 500 }
  const otherInternal = { kind: 'internal' as const, id: 7 }
  const self = { kind: 'internal' as const, id: 1 }

  it('is needed for disabling 2FA, deleting, changing a login or role', () => {
    for (const action of ['twoFactor.disable', 'users.delete', 'users.changeLogin', 'users.changeRole'] as const) {
      expect(needsReauth(action, portalUser, 1), action).toBe(true)
      expect(needsReauth(action, otherInternal, 1), action).toBe(true)
    }
  })

  it("is needed for another internal user's password, not a portal user's or one's own", () => {
    expect(needsReauth('password.set', otherInternal, 1)).toBe(true)
    expect(needsReauth('password.set', portalUser, 1)).toBe(false)
    expect(needsReauth('password.set', self, 1)).toBe(false)
  })

  it('is not needed for anything else', () => {
    const sensitive = new Set(['twoFactor.disable', 'users.delete', 'users.changeLogin', 'users.changeRole', 'password.set'])
    for (const action of permissionActions.filter((a) => !sensitive.has(a))) {
      expect(needsReauth(action, otherInternal, 1), action).toBe(false)
    }
  })
})

describe('ticket references', () => {
  it('are required from support for every security action it may do', () => {
    for (const action of ['password.set', 'password.resetLink', 'twoFactor.invite', 'twoFactor.disable', 'sessions.revoke', 'lock.unlock'] as const) {
      expect(needsTicket('support', action), action).toBe(true)
      expect(needsTicket('administrator', action), action).toBe(false)
    }
  })

  it('are not required for reading', () => {
    for (const action of ['users.read', 'sessions.read', 'signIns.read', 'audit.read'] as const) expect(needsTicket('support', action)).toBe(false)
  })
})

describe('assertAllowed', () => {
  const support: AuthorizationSubject = { operatorId: 2, role: 'support', ticketRef: 'HD-1', reauthFresh: true, verificationStrength: 'strong' }
  const admin: AuthorizationSubject = { operatorId: 1, role: 'administrator', ticketRef: null, reauthFresh: false }
  const codeOf = (run: () => void): string | null => {
    try {
      run()
      return null
    } catch (error) {
      return error instanceof DeskError ? error.code : 'not a DeskError'
    }
  }

  it('refuses the role first, then a missing ticket, then a stale identity check', () => {
    expect(codeOf(() => assertAllowed({ ...support, ticketRef: null, reauthFresh: false }, 'users.delete', { kind: 'portal', id: 9 }))).toBe('FORBIDDEN')
    expect(codeOf(() => assertAllowed({ ...support, ticketRef: null, reauthFresh: false }, 'twoFactor.disable', { kind: 'portal', id: 9 }))).toBe('VALIDATION')
    expect(codeOf(() => assertAllowed({ ...support, reauthFresh: false }, 'twoFactor.disable', { kind: 'portal', id: 9 }))).toBe('REAUTH_REQUIRED')
    expect(codeOf(() => assertAllowed(support, 'twoFactor.disable', { kind: 'portal', id: 9 }))).toBeNull()
  })

  it("refuses a support agent's 2FA reset without a code verification, before asking to re-authenticate; not an administrator's", () => {
    const portalUser = { kind: 'portal', id: 9 } as const
    for (const verificationStrength of [undefined, null, 'weak'] as const) {
      expect(codeOf(() => assertAllowed({ ...support, verificationStrength, reauthFresh: false }, 'twoFactor.disable', portalUser))).toBe('FORBIDDEN')
    }
    expect(codeOf(() => assertAllowed({ ...support, verificationStrength: null }, 'lock.unlock', portalUser))).toBeNull()
    expect(codeOf(() => assertAllowed({ ...admin, reauthFresh: true }, 'twoFactor.disable', portalUser))).toBeNull()
  })

  it('names the ticket header in the details', () => {
    try {
      assertAllowed({ ...support, ticketRef: null }, 'lock.unlock', { kind: 'portal', id: 9 })
      expect.unreachable()
    } catch (error) {
      expect((error as DeskError).details).toEqual([{ path: 'X-Ticket-Ref', message: expect.stringContaining('ticket'), reason: 'ticketRequired' }])
    }
  })

  it('lets an administrator act without a ticket but not without re-authentication where needed', () => {
    expect(codeOf(() => assertAllowed(admin, 'lock.unlock', { kind: 'internal', id: 9 }))).toBeNull()
    expect(codeOf(() => assertAllowed(admin, 'users.delete', { kind: 'portal', id: 9 }))).toBe('REAUTH_REQUIRED')
    expect(codeOf(() => assertAllowed({ ...admin, reauthFresh: true }, 'users.delete', { kind: 'portal', id: 9 }))).toBeNull()
  })
})
