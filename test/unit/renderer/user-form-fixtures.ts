import type { UserDetail } from '../../../src/shared/users'
import { userItem } from './support/fake-desk'

/** A portal user as the server sends it, every issue-3 field present. */
export function portalUser(overrides: Partial<UserDetail> = {}): UserDetail {
  return {
    ...userItem(42, { name: 'Dr. Wei Li', login: 'li.wei', email: 'wei@example.cn', phone: '+86 21 5555 0000', company: 'Acme', website: 'Acme Portal' }),
    version: 7,
    namePrefix: 'Dr.',
    firstName: 'Wei',
    middleName: null,
    lastName: 'Li',
    nameSuffix: null,
    emails: ['wei@backup.example'],
    birthday: '1990-05-01',
    avatarUrl: null,
    street: '1 Nanjing Road',
    street2: null,
    city: 'Shanghai',
    zip: '200000',
    state: null,
    country: 'CN',
    invoiceDelivery: 'email',
    language: 'en',
    role: null,
    locked: false,
    lockedUntil: null,
    twoFactor: false,
    mustChangePassword: false,
    companyId: 3,
    websiteId: 4,
    vat: 'CN123',
    documentLocked: false,
    resetRequired: false,
    deletedAt: null,
    createdAt: '2025-01-02T10:00:00Z',
    updatedAt: '2026-03-04T11:30:00Z',
    ...overrides
  }
}
