import type { ResetLinkState } from '../../../src/shared/passwords'
import type { UserDetail } from '../../../src/shared/users'
import { admin, fakeDesk, sessionState, userItem, type FakeDesk } from './support/fake-desk'

/** A portal user as the Security tab gets it: 2FA off, not locked, with an email. */
export function securityUser(overrides: Partial<UserDetail> = {}): UserDetail {
  return {
    ...userItem(42, { name: 'Li Wei', login: 'li.wei', email: 'li.wei@example.com' }),
    namePrefix: null,
    firstName: 'Wei',
    middleName: null,
    lastName: 'Li',
    nameSuffix: null,
    emails: [],
    birthday: null,
    street: null,
    street2: null,
    zip: null,
    state: null,
    invoiceDelivery: 'email',
    locked: false,
    lockedUntil: null,
    twoFactor: false,
    mustChangePassword: false,
    resetRequired: false,
    deletedAt: null,
    role: null,
    language: 'en',
    city: null,
    country: null,
    companyId: 3,
    websiteId: 3,
    createdAt: '2025-01-02T10:00:00Z',
    updatedAt: '2026-03-04T11:30:00Z',
    ...overrides
  }
}

export function pendingLink(overrides: Partial<ResetLinkState> = {}): ResetLinkState {
  return {
    id: 9,
    purpose: 'reset',
    sentAt: '2026-03-04T11:30:00Z',
    expiresAt: '2099-03-05T11:30:00Z',
    status: 'pending',
    usedAt: null,
    revokedAt: null,
    ...overrides
  }
}

/** A signed-in administrator looking at `user`, every Security tab list answered (empty by default). */
export function securityDesk(user: UserDetail = securityUser(), operator: { id: number; login: string; name: string; role: 'administrator' | 'support' } = admin): FakeDesk {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator }))
  desk.users.get.mockResolvedValue(user)
  desk.users.signIns.mockResolvedValue({ items: [], recentFailures: { count: 0, since: null } })
  desk.users.audit.mockResolvedValue({ items: [], nextCursor: null })
  desk.security.resetLink.mockResolvedValue({ link: null })
  desk.security.passkeys.mockResolvedValue({ items: [] })
  desk.security.sessions.mockResolvedValue({ items: [] })
  desk.security.apiKeys.mockResolvedValue({ items: [] })
  return desk
}
