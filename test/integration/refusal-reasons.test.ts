import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verificationCodeMaxAttempts, verificationCodeTtlMinutes } from '../../src/shared/helpdesk'
import { verificationCodesPerWindow } from '../../src/server/domain/helpdesk/verification'
import { meProfile, type MeProfile } from '../../src/shared/portal'
import { refusalReasonOf, refusalReasons, type RefusalReason } from '../../src/shared/refusals'
import { refusalsStrings, refusalWords } from '../../src/renderer/i18n/features/refusals'
import { backends } from './support/backends'
import { signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, testPassword, type ApiResponse, type TestPortal } from './support/portal'
import { contactForm, portalLogin, signInablePortalUsers, signInPortalUser, type PortalClient, type PortalUserRow } from './portal-helpers'
import { createFixtureUser, type FixtureOptions } from './security-fixtures'
import { endpoints, urlOf } from '../../src/shared/endpoints'

/**
 * Every refusal reason of the shared enum, triggered through the real server over HTTP: the answer
 * carries the reason, and the desk has words for it in English and Chinese. A reason without a row
 * here fails the suite, so a new reason comes with the way to provoke it.
 */
const ticket = { ticket: 'HD-1111' }
const strongPassword = 'violet orbit cathedral marmalade 47'

interface Context {
  portal: TestPortal
  admin: OperatorClient
  support: OperatorClient
  fixture(options?: FixtureOptions): Promise<{ id: number; login: string; email: string | null }>
  portalUser(): Promise<PortalUserRow>
  portalClient(): Promise<{ user: PortalUserRow; client: PortalClient; profile: MeProfile }>
}

type Trigger = (context: Context) => Promise<ApiResponse>


/** The verification code in the last email to the user. */
async function sentCode(portal: TestPortal, userId: number): Promise<string> {
  const mail = await portal.server.database.db.selectFrom('outbox').select('body_text').where('user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  const code = /(\d{6})/.exec(mail.body_text ?? '')?.[1]
  if (!code) throw new Error('no code in the last email')
  return code
}

/** How to provoke each reason: the status and code it comes with, and the calls that lead to it. */
const triggers: Record<RefusalReason, { status: number; code: string; trigger: Trigger }> = {
  ownAccount: { status: 409, code: 'CONFLICT', trigger: ({ admin }) => admin.post(`/api/v1/users/${admin.id}/archive`, {}, ticket) },
  alreadyArchived: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ admin, fixture }) => admin.post(`/api/v1/users/${(await fixture({ active: false })).id}/archive`, {}, ticket)
  },
  notArchived: { status: 409, code: 'CONFLICT', trigger: async ({ admin, fixture }) => admin.post(`/api/v1/users/${(await fixture()).id}/restore`, {}, ticket) },
  accountArchived: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ admin, fixture }) => admin.post(urlOf(endpoints.inviteToTwoFactor, { id: (await fixture({ active: false })).id }), {}, ticket)
  },
  accountDeleted: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ portal, admin, fixture }) => {
      const user = await fixture({ active: false })
      await portal.server.database.db.updateTable('users').set({ deleted_at: portal.clock.now() }).where('id', '=', user.id).execute()
      return admin.post(`/api/v1/users/${user.id}/restore`, {}, ticket)
    }
  },
  notLocked: { status: 409, code: 'CONFLICT', trigger: async ({ admin, fixture }) => admin.post(urlOf(endpoints.unlockUser, { id: (await fixture()).id }), {}, ticket) },
  twoFactorAlreadyOn: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ admin, fixture }) => admin.post(urlOf(endpoints.inviteToTwoFactor, { id: (await fixture({ twoFactor: true })).id }), {}, ticket)
  },
  twoFactorAlreadyOff: { status: 409, code: 'CONFLICT', trigger: async ({ admin, fixture }) => admin.delete(urlOf(endpoints.disableTwoFactor, { id: (await fixture()).id }), undefined, ticket) },
  noEmail: { status: 409, code: 'CONFLICT', trigger: async ({ admin, fixture }) => admin.post(urlOf(endpoints.inviteToTwoFactor, { id: (await fixture({ email: null })).id }), {}, ticket) },
  noEmailToNotify: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ admin, fixture }) =>
      admin.post(`/api/v1/users/${(await fixture({ email: null })).id}/password`, { password: strongPassword, mustChange: true, notify: true }, ticket)
  },
  alreadyRevoked: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ portal, admin, fixture }) => {
      const user = await fixture({ sessions: 1 })
      const revoked = await portal.server.database.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).where('revoked_at', 'is not', null).executeTakeFirstOrThrow()
      return admin.delete(urlOf(endpoints.revokeUserSession, { id: user.id, sid: String(revoked.id) }), undefined, ticket)
    }
  },
  noSuchEmail: { status: 404, code: 'NOT_FOUND', trigger: ({ admin }) => admin.get(urlOf(endpoints.getMailState, { id: '999999999' })) },
  mailboxOff: { status: 404, code: 'NOT_FOUND', trigger: ({ admin }) => admin.get(urlOf(endpoints.listMailbox)) },
  alreadyGone: { status: 404, code: 'NOT_FOUND', trigger: async ({ admin, fixture }) => admin.delete(urlOf(endpoints.revokeUserPasskey, { id: (await fixture()).id, pid: 999_999 }), undefined, ticket) },
  supportTemporaryOnly: {
    status: 403,
    code: 'FORBIDDEN',
    trigger: async ({ support, fixture }) => support.post(`/api/v1/users/${(await fixture()).id}/password`, { password: strongPassword, mustChange: false, notify: false }, ticket)
  },
  notPortalUser: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ admin, fixture }) => admin.post(`/api/v1/users/${(await fixture({ kind: 'internal' })).id}/portal-access`, { action: 'grant' }, ticket)
  },
  noValidEmail: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ admin, fixture }) => admin.post(`/api/v1/users/${(await fixture({ active: false, email: null })).id}/portal-access`, { action: 'grant' }, ticket)
  },
  emailIsAnotherLogin: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ portal, admin, fixture }) => {
      const invited = await fixture({ active: false })
      const other = await fixture()
      await portal.server.database.db.updateTable('users').set({ login: invited.email ?? '' }).where('id', '=', other.id).execute()
      return admin.post(`/api/v1/users/${invited.id}/portal-access`, { action: 'grant' }, ticket)
    }
  },
  alreadyGranted: { status: 409, code: 'CONFLICT', trigger: async ({ admin, fixture }) => admin.post(`/api/v1/users/${(await fixture()).id}/portal-access`, { action: 'grant' }, ticket) },
  notGranted: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ admin, fixture }) => admin.post(`/api/v1/users/${(await fixture({ active: false })).id}/portal-access`, { action: 'revoke' }, ticket)
  },
  staleVersion: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ portal, admin, fixture }) => {
      const user = await fixture()
      const row = await portal.server.database.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()
      return admin.patch(`/api/v1/users/${user.id}`, { version: row.version + 1, name: 'Someone Else' }, ticket)
    }
  },
  loginConfusable: { status: 409, code: 'CONFLICT', trigger: ({ admin }) => admin.post('/api/v1/users', { kind: 'internal', role: 'user', login: 'supp0rt', name: 'Look Alike' }, ticket) },
  mailLimit: {
    status: 429,
    code: 'RATE_LIMITED',
    trigger: async ({ support, fixture }) => {
      const user = await fixture()
      let last: ApiResponse | undefined
      for (let i = 0; i < 10 && last?.status !== 429; i++) last = await support.post(urlOf(endpoints.remindUsername, { id: user.id }), {}, ticket)
      if (!last) throw new Error('no reminder was sent')
      return last
    }
  },
  passwordChangeRequired: {
    status: 403,
    code: 'PASSWORD_CHANGE_REQUIRED',
    trigger: async ({ portal, portalUser }) => {
      const user = await portalUser()
      await portal.server.database.db.updateTable('users').set({ must_change_password: true }).where('id', '=', user.id).execute()
      const signedIn = await portalLogin(portal, user.login)
      expect(signedIn.status, signedIn.text).toBe(200)
      return portal.request('GET', '/api/v1/me', { token: (signedIn.body as { token: string }).token })
    }
  },
  sameAsCurrentPassword: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portalClient }) => (await portalClient()).client.post('/api/v1/me/password', { currentPassword: testPassword, newPassword: testPassword })
  },
  noConfirmedEmail: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ portal, support, portalUser }) => {
      const user = await portalUser()
      await portal.server.database.db.updateTable('users').set({ email: null }).where('id', '=', user.id).execute()
      const client = await signInPortalUser(portal, user.login)
      const profile = meProfile.parse((await client.get('/api/v1/me')).body)
      const changed = await client.patch('/api/v1/me', contactForm(profile, { email: `pending.${user.id}@mail.example`, currentPassword: testPassword }))
      expect(changed.status, changed.text).toBe(200)
      return support.post(urlOf(endpoints.remindUsername, { id: user.id }), {}, ticket)
    }
  },
  companyShared: {
    status: 403,
    code: 'FORBIDDEN',
    trigger: async ({ portal, portalClient, fixture }) => {
      const { user, client, profile } = await portalClient()
      const other = await fixture()
      await portal.server.database.db.updateTable('users').set({ company_id: user.company_id }).where('id', '=', other.id).execute()
      return client.patch('/api/v1/me', contactForm(profile, { companyName: 'Renamed For Everyone Ltd' }))
    }
  },
  verificationCodeLimit: {
    status: 429,
    code: 'RATE_LIMITED',
    trigger: async ({ support, fixture }) => {
      const user = await fixture()
      for (let i = 0; i < verificationCodesPerWindow; i++) expect((await support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket)).status).toBe(200)
      return support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket)
    }
  },
  verificationCodeNotSent: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ support, fixture }) => support.post(urlOf(endpoints.checkVerificationCode, { id: (await fixture()).id }), { code: '123456' }, ticket)
  },
  verificationCodeUsed: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ portal, support, fixture }) => {
      const user = await fixture()
      expect((await support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket)).status).toBe(200)
      const code = await sentCode(portal, user.id)
      const checked = await support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code }, ticket)
      expect(checked.status, checked.text).toBe(200)
      return support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code }, ticket)
    }
  },
  verificationCodeSpent: {
    status: 429,
    code: 'RATE_LIMITED',
    trigger: async ({ portal, support, fixture }) => {
      const user = await fixture()
      expect((await support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket)).status).toBe(200)
      const wrongCode = (await sentCode(portal, user.id)) === '000000' ? '111111' : '000000'
      for (let i = 0; i < verificationCodeMaxAttempts; i++) await support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: wrongCode }, ticket)
      return support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: wrongCode }, ticket)
    }
  },
  verificationCodeExpired: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ portal, admin, support, fixture }) => {
      const user = await fixture()
      expect((await support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket)).status).toBe(200)
      portal.clock.advance((verificationCodeTtlMinutes + 1) * 60_000)
      await admin.reauth()
      return support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: '123456' }, ticket)
    }
  },
  passwordRequired: {
    status: 403,
    code: 'REAUTH_REQUIRED',
    trigger: async ({ portalClient }) => {
      const { user, client, profile } = await portalClient()
      return client.patch('/api/v1/me', contactForm(profile, { email: `new.${user.id}@mail.example` }))
    }
  }
}

describe('the desk’s words for refusals', () => {
  it('has a row here for every reason of the enum, and nothing else', () => {
    expect(Object.keys(triggers).sort()).toEqual([...refusalReasons].sort())
  })

  it.each(refusalReasons)('words %s in English and Chinese, each in its own words', (reason) => {
    for (const [language, table] of [['en', refusalsStrings.en], ['zh-CN', refusalsStrings['zh-CN']]] as const) {
      const words = (table as Record<string, string>)[reason]
      expect(words, `${language} refusals.${reason}`).toBeTruthy()
      expect(words?.trim()).not.toBe('')
      expect(words).not.toBe(reason)
      expect(words).toBe(refusalWords[language][reason])
    }
    expect(refusalWords.en[reason]).not.toBe(refusalWords['zh-CN'][reason])
  })
})

describe.each(backends)('every refusal reason over HTTP on $name', (backend) => {
  let portal: TestPortal
  const context = {} as Context
  const seen = new Set<RefusalReason>()

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 40 })
    const admin = await signInAs(portal, 'administrator')
    await admin.reauth()
    const support = await signInAs(portal, 'support')
    const portalUsers = await signInablePortalUsers(portal, 10, { withDocuments: false })
    const portalUser = async () => {
      const user = portalUsers.shift()
      if (!user) throw new Error('not enough portal users')
      return user
    }
    Object.assign(context, {
      portal,
      admin,
      support,
      fixture: (options?: FixtureOptions) => createFixtureUser(portal, options),
      portalUser,
      async portalClient() {
        const user = await portalUser()
        const client = await signInPortalUser(portal, user.login)
        const profile = meProfile.parse((await client.get('/api/v1/me')).body)
        return { user, client, profile }
      }
    } satisfies Context)
  })
  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled).each(refusalReasons)('the server refuses with reason %s', async (reason) => {
    const row = triggers[reason]
    const response = await row.trigger(context)
    const error = (response.body as { error?: { code?: string; details?: unknown } }).error
    expect(response.status, response.text).toBe(row.status)
    expect(error?.code, response.text).toBe(row.code)
    expect(refusalReasonOf(error?.details), response.text).toBe(reason)
    seen.add(reason)
  })

  it.runIf(backend.enabled)('triggered every reason', () => {
    expect([...seen].sort()).toEqual([...refusalReasons].sort())
  })
})
