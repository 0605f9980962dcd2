import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailLimitRefusal } from '../../src/shared/mail-limit'
import { defaultRecipientMailPolicy } from '../../src/server/domain/mail/recipient-limit'
import { createFixtureUser, type FixtureUser } from './security-fixtures'
import { backends } from './support/backends'
import { expectNothingChanged, expectRefusal, signInAs, watchedTables, type OperatorClient } from './support/operators'
import type { ApiResponse } from './support/portal'
import { startTestPortal, type TestPortal } from './support/portal'
import { endpoints, urlOf } from '../../src/shared/endpoints'

const ticket = { ticket: 'HD-9001' }
const minutes = (n: number) => n * 60_000
const limitedTables = [...watchedTables, 'verification_codes'] as const

/**
 * Mail that someone else makes the portal send to a user (reset links, username reminders, 2FA
 * invitations, helpdesk codes, portal invitations) is limited per user: 5 an hour, one budget for
 * every kind. The attack: an operator's session (or a script with it) floods one person's mailbox.
 */
describe.each(backends)('the per-user mail limit on $name', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient
  let support: OperatorClient

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 10 })
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
  })
  afterAll(async () => {
    await portal?.close()
  })

  const db = () => portal.server.database.db
  const mailsTo = async (userId: number) =>
    Number((await db().selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n)
  const resetLink = (who: OperatorClient, user: FixtureUser) => who.post(`/api/v1/users/${user.id}/reset-link`, undefined, ticket)
  const remind = (who: OperatorClient, user: FixtureUser) => who.post(urlOf(endpoints.remindUsername, { id: user.id }), {}, ticket)
  const invite2fa = (who: OperatorClient, user: FixtureUser) => who.post(urlOf(endpoints.inviteToTwoFactor, { id: user.id }), {}, ticket)
  const sendCode = (who: OperatorClient, user: FixtureUser) => who.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket)
  const reinvite = (who: OperatorClient, user: FixtureUser) => who.post(`/api/v1/users/${user.id}/portal-access`, { action: 'reinvite' })

  function expectMailLimit(response: ApiResponse, retryAfterSeconds?: number) {
    expectRefusal(response, 429, 'RATE_LIMITED')
    const error = (response.body as { error: { message: string; details: { reason: string; limit: number; windowMinutes: number; retryAfterSeconds: number } } }).error
    expect(error.details).toMatchObject({ reason: 'mailLimit', limit: 5, windowMinutes: 60 })
    if (retryAfterSeconds !== undefined) expect(error.details.retryAfterSeconds).toBe(retryAfterSeconds)
    expect(error.details.retryAfterSeconds).toBeGreaterThan(0)
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(3600)
    expect(error.message).toBe(mailLimitRefusal({ reason: 'mailLimit', limit: 5, windowMinutes: 60, retryAfterSeconds: error.details.retryAfterSeconds }))
    expect(error.message).toMatch(/^At most 5 emails an hour can be sent to this user/)
    expect(response.headers.get('retry-after')).toBe(String(error.details.retryAfterSeconds))
  }

  it('is spelled once, as 5 emails per user per rolling hour', () => {
    expect(defaultRecipientMailPolicy).toMatchObject({ limit: 5, windowMinutes: 60 })
  })

  it.runIf(backend.enabled)('sends 5 reset links to one user, refuses the 6th with 429 naming the limit, and the outbox holds exactly 5', async () => {
    const user = await createFixtureUser(portal)
    for (let i = 0; i < 5; i += 1) {
      const sent = await resetLink(support, user)
      expect(sent.status, sent.text).toBe(200)
      portal.clock.advance(minutes(1))
    }
    // The first of the five left 5 minutes ago: its place frees up in 55 minutes.
    expectMailLimit(await expectNothingChanged(portal, () => resetLink(support, user), limitedTables), 55 * 60)
    // An administrator is held to the same budget.
    expectMailLimit(await expectNothingChanged(portal, () => resetLink(admin, user), limitedTables))
    expect(await mailsTo(user.id)).toBe(5)
  })

  it.runIf(backend.enabled)('counts every kind in one budget: links, reminders, 2FA invitations, codes and invitations', async () => {
    const user = await createFixtureUser(portal)
    for (const send of [resetLink, remind, invite2fa, sendCode, resetLink]) {
      const sent = await send(support, user)
      expect(sent.status, sent.text).toBe(200)
    }
    for (const send of [resetLink, remind, invite2fa, sendCode]) expectMailLimit(await expectNothingChanged(portal, () => send(support, user), limitedTables))
    expectMailLimit(await expectNothingChanged(portal, () => reinvite(admin, user), limitedTables))
    expect(await mailsTo(user.id)).toBe(5)

    // A different user is not affected.
    const other = await createFixtureUser(portal)
    const sent = await remind(support, other)
    expect(sent.status, sent.text).toBe(200)
    expect(await mailsTo(other.id)).toBe(1)
  })

  it.runIf(backend.enabled)('keeps the helpdesk’s 3 codes per 10 minutes inside the hourly budget', async () => {
    const user = await createFixtureUser(portal)
    for (let i = 0; i < 3; i += 1) expect((await sendCode(support, user)).status).toBe(200)
    const fourth = await sendCode(support, user)
    expectRefusal(fourth, 429, 'RATE_LIMITED')
    expect((fourth.body as { error: { details: { reason?: string } } }).error.details.reason).not.toBe('mailLimit')
    expect((await resetLink(support, user)).status).toBe(200)
    expect((await remind(support, user)).status).toBe(200)
    expectMailLimit(await resetLink(support, user))
  })

  it.runIf(backend.enabled)('opens again as the oldest email leaves the rolling hour (on the injected clock)', async () => {
    const user = await createFixtureUser(portal)
    // One reminder a minute: at t0, t0+1m … t0+4m.
    for (let i = 0; i < 5; i += 1) {
      expect((await remind(support, user)).status).toBe(200)
      portal.clock.advance(minutes(1))
    }
    portal.clock.advance(minutes(54))
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
    // t0+59m: the first leaves the hour in a minute.
    expectMailLimit(await remind(support, user), 60)
    portal.clock.advance(minutes(1))
    const again = await remind(support, user)
    expect(again.status, again.text).toBe(200)
    // The next place frees up when the second one (t0+1m) leaves.
    expectMailLimit(await remind(support, user), 60)
    expect(await mailsTo(user.id)).toBe(6)
    admin = await signInAs(portal, 'administrator')
  })

  it.runIf(backend.enabled)('gives exactly 5 emails to 10 concurrent requests for one user', async () => {
    const user = await createFixtureUser(portal)
    const operators = [admin, support, await signInAs(portal, 'administrator'), await signInAs(portal, 'support')]
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => resetLink(operators[i % operators.length] as OperatorClient, user)))
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses, answers.map((answer) => answer.text).join('\n')).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429])
    for (const refused of answers.filter((answer) => answer.status === 429)) expectMailLimit(refused)
    expect(await mailsTo(user.id)).toBe(5)
    const links = await db().selectFrom('reset_tokens').select(['id', 'revoked_at']).where('user_id', '=', user.id).execute()
    expect(links).toHaveLength(5)
    expect(links.filter((link) => link.revoked_at === null)).toHaveLength(1)
  })

  it.runIf(backend.enabled)('does not hold back the emails that report a change (password changed, 2FA off)', async () => {
    const user = await createFixtureUser(portal, { twoFactor: true })
    for (let i = 0; i < 5; i += 1) expect((await resetLink(admin, user)).status).toBe(200)
    const changed = await admin.post(`/api/v1/users/${user.id}/password`, { password: 'ziggurat-velvet-Nocturne-42', mustChange: true, notify: true })
    expect(changed.status, changed.text).toBe(200)
    await admin.reauth()
    const disabled = await admin.delete(urlOf(endpoints.disableTwoFactor, { id: user.id }))
    expect(disabled.status, disabled.text).toBe(200)
    expect(await mailsTo(user.id)).toBe(7)
  })
})
