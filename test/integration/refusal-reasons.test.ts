import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verification, verificationCodeMaxAttempts, verificationCodeTtlMinutes, verificationTtlMinutes } from '../../src/shared/helpdesk'
import { verificationCodesPerWindow } from '../../src/server/domain/helpdesk/verification'
import { ownTwoFactorSetup } from '../../src/shared/operator-account'
import { maxPasskeysPerUser } from '../../src/server/domain/passkeys/registration'
import { maxPaymentMethodsPerUser } from '../../src/server/domain/payment-methods/manage'
import { meProfile, type MeProfile } from '../../src/shared/portal'
import { refusalReasonOf, refusalReasons, type RefusalReason } from '../../src/shared/refusals'
import { refusalsStrings, refusalWords } from '../../src/renderer/i18n/features/refusals'
import { backends, type TestBackend } from './support/backends'
import { signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, testPassword, type ApiResponse, type TestPortal } from './support/portal'
import { contactForm, portalLogin, signInablePortalUsers, signInPortalUser, type PortalClient, type PortalUserRow } from './portal-helpers'
import { createFixtureUser, type FixtureOptions } from './security-fixtures'
import { allEndpoints, endpoints, refusalsOf, urlOf, type EndpointSpec } from '../../src/shared/endpoints'

/**
 * Every refusal reason of the shared enum, triggered through the real server over HTTP: the answer
 * carries the reason, and the desk has words for it in English and Chinese. A reason without a row
 * here fails the suite, so a new reason comes with the way to provoke it.
 */
const ticket = { ticket: 'HD-1111' }
const strongPassword = 'violet orbit cathedral marmalade 47'

interface Context {
  backend: TestBackend
  /** The request that answered last, on whichever portal. */
  lastRequest: { method: string; path: string }
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

/** A portal user made by `fixture`, given the seeded password and signed in to the portal. */
async function signedInFixture({ portal, admin, fixture }: Context, options: FixtureOptions): Promise<{ id: number; client: PortalClient }> {
  const user = await fixture({ kind: 'portal', ...options })
  const db = portal.server.database.db
  const seeded = await db.selectFrom('users').select('password_hash').where('id', '=', admin.id).executeTakeFirstOrThrow()
  await db.updateTable('users').set({ password_hash: seeded.password_hash }).where('id', '=', user.id).execute()
  return { id: user.id, client: await signInPortalUser(portal, user.login) }
}

/** A strong (code) verification of `userId` by the support agent, as the helpdesk makes one. */
async function codeVerification({ portal, support }: Context, userId: number): Promise<string> {
  expect((await support.post(urlOf(endpoints.sendVerificationCode, { id: userId }), {}, ticket)).status).toBe(200)
  const checked = await support.post(urlOf(endpoints.checkVerificationCode, { id: userId }), { code: await sentCode(portal, userId) }, ticket)
  expect(checked.status, checked.text).toBe(200)
  return verification.parse(checked.body).verificationId
}

const withVerification = (verificationId: string) => ({ ...ticket, headers: { 'x-verification': verificationId } })
const resetLinkOf = (id: number) => urlOf(endpoints.sendResetLink, { id })
const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, holder: 'Fei Wang', cvc: '123' }

/** The declared endpoint that answers `method path` (the path without its query). */
function endpointAnswering(method: string, path: string): EndpointSpec | undefined {
  const bare = path.split('?')[0] ?? ''
  return allEndpoints.find((endpoint) => endpoint.method === method && new RegExp(`^${endpoint.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`).test(bare))
}

/** Keeps the last request each portal answered, so that a refusal can be checked against its endpoint's declaration. */
function recordingRequests(portal: TestPortal, last: { method: string; path: string }): TestPortal {
  const request = portal.request.bind(portal)
  portal.request = (method, path, options) => {
    Object.assign(last, { method, path })
    return request(method, path, options)
  }
  return portal
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
  },
  loginTaken: { status: 409, code: 'CONFLICT', trigger: ({ admin }) => admin.post('/api/v1/users', { kind: 'internal', role: 'user', login: 'support', name: 'Same Login' }, ticket) },
  emailTaken: {
    status: 409,
    code: 'CONFLICT',
    trigger: async ({ portal, admin, fixture }) => {
      const [user, other] = [await fixture(), await fixture()]
      const row = await portal.server.database.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()
      return admin.patch(`/api/v1/users/${user.id}`, { version: row.version, email: other.email }, ticket)
    }
  },
  ownRole: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, admin }) => {
      const row = await portal.server.database.db.selectFrom('users').select('version').where('id', '=', admin.id).executeTakeFirstOrThrow()
      return admin.patch(`/api/v1/users/${admin.id}`, { version: row.version, role: 'support' }, ticket)
    }
  },
  roleOfPortalUser: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, admin, fixture }) => {
      const user = await fixture()
      const row = await portal.server.database.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()
      return admin.patch(`/api/v1/users/${user.id}`, { version: row.version, role: 'support' }, ticket)
    }
  },
  noCompany: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, admin, fixture }) => {
      const user = await fixture({ kind: 'internal' })
      const row = await portal.server.database.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()
      return admin.patch(`/api/v1/users/${user.id}`, { version: row.version, companyName: 'No Such Company Ltd' }, ticket)
    }
  },
  unknownCompany: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, admin, fixture }) => {
      const user = await fixture()
      const row = await portal.server.database.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()
      return admin.patch(`/api/v1/users/${user.id}`, { version: row.version, companyId: 999_999_999 }, ticket)
    }
  },
  unknownWebsite: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, admin, fixture }) => {
      const user = await fixture()
      const row = await portal.server.database.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()
      return admin.patch(`/api/v1/users/${user.id}`, { version: row.version, websiteId: 999_999_999 }, ticket)
    }
  },
  birthdayInFuture: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, admin, fixture }) => {
      const user = await fixture()
      const row = await portal.server.database.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()
      const nextYear = `${portal.clock.now().getUTCFullYear() + 1}-01-01`
      return admin.patch(`/api/v1/users/${user.id}`, { version: row.version, birthday: nextYear }, ticket)
    }
  },
  avatarEmpty: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, admin, fixture }) =>
      portal.request('PUT', `/api/v1/users/${(await fixture()).id}/avatar`, { token: admin.token, rawBody: '', contentType: 'image/png', headers: { 'x-ticket-ref': ticket.ticket } })
  },
  avatarType: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, admin, fixture }) =>
      portal.request('PUT', `/api/v1/users/${(await fixture()).id}/avatar`, { token: admin.token, rawBody: 'GIF89a not a png', contentType: 'image/png', headers: { 'x-ticket-ref': ticket.ticket } })
  },
  ticketRequired: { status: 400, code: 'VALIDATION', trigger: async ({ support, fixture }) => support.post(`/api/v1/users/${(await fixture({ lockedForMs: 60_000 })).id}/unlock`, {}) },
  strongVerificationRequired: {
    status: 403,
    code: 'FORBIDDEN',
    trigger: async ({ support, fixture }) => support.delete(`/api/v1/users/${(await fixture({ twoFactor: true })).id}/2fa`, undefined, ticket)
  },
  verificationCodeWrong: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, support, fixture }) => {
      const user = await fixture()
      expect((await support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket)).status).toBe(200)
      const wrongCode = (await sentCode(portal, user.id)) === '000000' ? '111111' : '000000'
      return support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: wrongCode }, ticket)
    }
  },
  factsNotOnRecord: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ portal, support, fixture }) => {
      const user = await fixture()
      await portal.server.database.db.updateTable('users').set({ city: null, phone: null }).where('id', '=', user.id).execute()
      return support.post(urlOf(endpoints.checkKnowledge, { id: user.id }), { facts: ['city', 'phoneLast4'] }, ticket)
    }
  },
  verificationNotForUser: {
    status: 400,
    code: 'VALIDATION',
    trigger: async (context) => context.support.get('/api/v1/users?kind=portal', withVerification(await codeVerification(context, (await context.fixture()).id)))
  },
  verificationUnknown: {
    status: 400,
    code: 'VALIDATION',
    trigger: async ({ support, fixture }) => support.post(resetLinkOf((await fixture()).id), undefined, withVerification('999999999'))
  },
  verificationOtherOperator: {
    status: 409,
    code: 'CONFLICT',
    trigger: async (context) => {
      const user = await context.fixture()
      return context.admin.post(resetLinkOf(user.id), undefined, withVerification(await codeVerification(context, user.id)))
    }
  },
  verificationOtherUser: {
    status: 409,
    code: 'CONFLICT',
    trigger: async (context) => {
      const verified = await codeVerification(context, (await context.fixture()).id)
      return context.support.post(resetLinkOf((await context.fixture()).id), undefined, withVerification(verified))
    }
  },
  verificationExpired: {
    status: 409,
    code: 'CONFLICT',
    trigger: async (context) => {
      const user = await context.fixture()
      const verified = await codeVerification(context, user.id)
      const now = context.portal.clock.now().getTime()
      await context.portal.server.database.db
        .updateTable('verifications')
        .set({ verified_at: new Date(now - (verificationTtlMinutes + 1) * 60_000), expires_at: new Date(now - 60_000) })
        .where('id', '=', verified)
        .execute()
      return context.support.post(resetLinkOf(user.id), undefined, withVerification(verified))
    }
  },
  twoFactorRequiredByPolicy: {
    status: 403,
    code: 'FORBIDDEN',
    trigger: async ({ backend, lastRequest }) => {
      // The policy is the server's configuration, so this one reason needs a portal of its own.
      const strict = recordingRequests(await startTestPortal(backend, { portalUsers: 0, config: { operatorTwoFactor: 'required' } }), lastRequest)
      try {
        const token = await strict.signIn('admin', testPassword)
        const setup = await strict.request('POST', '/api/v1/auth/account/2fa/setup', { token, json: { password: testPassword } })
        const { secret } = ownTwoFactorSetup.parse(setup.body)
        const code = await generate({ secret, epoch: Math.floor(strict.clock.now().getTime() / 1000) })
        expect((await strict.request('POST', '/api/v1/auth/account/2fa/confirm', { token, json: { code } })).status).toBe(200)
        return await strict.request('POST', '/api/v1/auth/account/2fa/disable', { token, json: { password: testPassword } })
      } finally {
        await strict.close()
      }
    }
  },
  passkeyLimit: {
    status: 400,
    code: 'VALIDATION',
    trigger: async (context) => (await signedInFixture(context, { passkeys: maxPasskeysPerUser })).client.post('/api/v1/me/passkeys/options', { password: testPassword })
  },
  paymentMethodLimit: {
    status: 400,
    code: 'VALIDATION',
    trigger: async (context) => (await signedInFixture(context, { paymentMethods: maxPaymentMethodsPerUser })).client.post('/api/v1/me/payment-methods', card)
  },
  apiKeyNeedsWebsite: {
    status: 400,
    code: 'VALIDATION',
    trigger: async (context) => {
      const { id, client } = await signedInFixture(context, {})
      await context.portal.server.database.db.updateTable('users').set({ website_id: null }).where('id', '=', id).execute()
      return client.post('/api/v1/me/api-keys', { password: testPassword, description: 'no website' })
    }
  },
  apiKeyExists: {
    status: 409,
    code: 'CONFLICT',
    trigger: async (context) => {
      const { client } = await signedInFixture(context, {})
      expect((await client.post('/api/v1/me/api-keys', { password: testPassword, description: 'first' })).status).toBe(201)
      return client.post('/api/v1/me/api-keys', { password: testPassword, description: 'second' })
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
  const lastRequest = { method: '', path: '' }

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = recordingRequests(await startTestPortal(backend, { portalUsers: 40 }), lastRequest)
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
      backend,
      lastRequest,
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
    // The endpoint that refused declares the reason among those it may give.
    const endpoint = endpointAnswering(context.lastRequest.method, context.lastRequest.path)
    expect(endpoint, `${context.lastRequest.method} ${context.lastRequest.path}`).toBeDefined()
    expect([...(endpoint ? refusalsOf(endpoint) : [])], `${endpoint?.method} ${endpoint?.path}`).toContain(reason)
    seen.add(reason)
  })

  it.runIf(backend.enabled)('triggered every reason', () => {
    expect([...seen].sort()).toEqual([...refusalReasons].sort())
  })
})
