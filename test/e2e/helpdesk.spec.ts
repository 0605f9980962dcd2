import type { Locator, Page } from '@playwright/test'
import type { AuditEntry } from '../../src/shared/audit'
import type { UserListItem } from '../../src/shared/users'
import { chromiumAvailable, e2ePassword, expect, linkIn, mailTo, test, textBody, type Desk, type PortalApi } from './fixtures'
import { hasEmail } from './support/portal-api'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Each test acts on portal users of its own (`api.take`): they share their worker's desk signed in as the support agent.
test.use({ sharedHost: 'support' })

type Mailbox = Parameters<typeof mailTo>[0]

/** The helpdesk screen as a support agent drives it, found by test id so it works in both languages. */
class HelpdeskScene {
  constructor(
    readonly page: Page,
    readonly api: PortalApi,
    readonly adminToken: string
  ) {}

  static async start(page: Page, desk: Desk, api: PortalApi, login = 'support'): Promise<HelpdeskScene> {
    await desk.signIn(login, e2ePassword)
    await expect(desk.signedIn).toBeVisible()
    await page.getByTestId('nav-helpdesk').click()
    await expect(page.getByTestId('helpdesk')).toBeVisible()
    return new HelpdeskScene(page, api, await api.operatorToken('admin', e2ePassword))
  }

  get el() {
    return (id: string): Locator => this.page.getByTestId(id)
  }

  /** A portal user with an email, matching `filters`, that no earlier test on this host has taken: now this test's own. */
  ownUser(filters: Record<string, string>): Promise<UserListItem> {
    return this.api.takePortalUser(this.adminToken, filters, hasEmail)
  }

  /** Types the ticket, searches the person by email and picks them with Enter. */
  async findByEmail(ticketRef: string, user: UserListItem): Promise<void> {
    await expect(this.el('helpdesk-ticket')).toBeFocused()
    await this.el('helpdesk-ticket').fill(ticketRef)
    await this.el('helpdesk-ticket').press('Enter')
    await expect(this.el('person-search-input')).toBeFocused()
    await this.el('person-search-input').fill(user.email ?? '')
    await expect(this.page.locator(`[data-testid="person-search"][data-state="ready"][data-q="${user.email}"]`)).toBeVisible()
    await expect(this.el('person-option').first()).toHaveAttribute('data-user-id', String(user.id))
    await this.el('person-search-input').press('Enter')
    await expect(this.el('picked-person')).toHaveAttribute('data-user-id', String(user.id))
    // Neither the masked email nor a username that is the email gives the address away.
    await expect(this.el('picked-person')).not.toContainText(user.email ?? '')
  }

  /** Sends a code, reads it from the mailbox as the caller would, and types it back. */
  async verifyByCode(mailbox: Mailbox, user: UserListItem, options: { wrongFirst?: boolean } = {}): Promise<void> {
    const before = mailbox.received.length
    await expect(this.el('send-code')).toBeFocused()
    await this.el('send-code').press('Enter')
    await expect(this.el('code-sent')).toHaveAttribute('data-mail-status', 'pending')
    await expect.poll(() => mailbox.received.length, { timeout: 15_000 }).toBeGreaterThan(before)
    const code = codeIn(textBody((await mailTo(mailbox, user.email ?? '')).raw))
    if (options.wrongFirst) {
      // A wrong code costs one of the 5 attempts, and says so in words.
      await this.el('code-input').fill(code.replace(/.$/, (digit) => String((Number(digit) + 1) % 10)))
      await expect(this.el('code-refused')).toContainText('4 attempts left')
    }
    await this.el('code-input').fill(code)
    await expect(this.el('verification')).toHaveAttribute('data-method', 'email_code')
  }

  async audit(userId: number): Promise<AuditEntry[]> {
    const answer = await this.api.call<{ items: AuditEntry[] }>('GET', `/api/v1/audit?userId=${userId}`, { token: this.adminToken })
    expect(answer.status).toBe(200)
    return answer.body.items
  }
}

function codeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1]
  if (!code) throw new Error(`No 6-digit code in the mail: ${text}`)
  return code
}

test.describe('Helpdesk', () => {
  test('forgotten password: a support agent verifies the caller by emailed code and sends a reset link', async ({ page, desk, api, mailbox, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const scene = await HelpdeskScene.start(page, desk, api)
    const user = await scene.ownUser({ twoFactor: 'off', locked: 'false' })
    // A support agent cannot search for anyone before giving the ticket.
    await expect(scene.el('helpdesk-ticket')).toHaveAttribute('aria-required', 'true')
    await expect(scene.el('person-search-input')).toBeDisabled()
    await expect(scene.el('person-search-hint')).toContainText('Enter the ticket reference first')
    await scene.findByEmail('HD-5001', user)
    await scene.verifyByCode(mailbox, user, { wrongFirst: true })
    const mailsBefore = mailbox.received.length

    await expect(scene.el('helpdesk-reset-link')).toBeFocused()
    await scene.el('helpdesk-reset-link').click()
    await expect(scene.el('resolve-outcome')).toBeVisible()

    // The mailbox gets the link, and the audit has the action with ticket and verification method.
    await expect.poll(() => mailbox.received.length, { timeout: 15_000 }).toBeGreaterThan(mailsBefore)
    expect(linkIn(await mailTo(mailbox, user.email ?? ''))).not.toBeNull()
    const entries = await scene.audit(user.id)
    const reset = entries.find((entry) => entry.action === 'password.resetLink')
    expect(reset?.ticketRef).toBe('HD-5001')
    expect(reset?.verificationMethod).toBe('email_code')
    expect(entries.find((entry) => entry.action === 'verification.passed')?.ticketRef).toBe('HD-5001')

    const summary = scene.el('helpdesk-summary')
    await expect(summary).toContainText('Ticket HD-5001')
    await expect(summary).toContainText('Identity verified by emailed code.')
    await expect(summary).toContainText('Sent a password reset link.')
    // Copy summary puts the very text on the clipboard, for the ticket system.
    await scene.el('copy-summary').click()
    await expect(scene.el('summary-copy-status')).toHaveText('Summary copied.')
    const copied = await page.evaluate<string>('navigator.clipboard.readText()')
    expect(copied).toBe(await summary.textContent())
    expect(copied).toContain('Ticket HD-5001')
    expect(copied).toContain('Sent a password reset link.')
    expect(copied).toContain('By Support Agent (support).')
    await scene.el('next-ticket').click()
    await expect(scene.el('helpdesk-ticket')).toBeFocused()
    await expect(scene.el('helpdesk-ticket')).toHaveValue('')
    await expect(scene.el('picked-person')).toHaveCount(0)
  })

  test('forgotten username: a knowledge check, then Remind username emails the username', async ({ page, desk, api, mailbox }) => {
    const scene = await HelpdeskScene.start(page, desk, api)
    const user = await scene.ownUser({ locked: 'false' })
    await scene.findByEmail('HD-5002', user)
    // The facts on record decide which can be ticked: take the first two available.
    const facts = (['company', 'city', 'phoneLast4'] as const).slice()
    await scene.el('knowledge-check').click()
    const available: (typeof facts)[number][] = []
    for (const fact of facts) if (await scene.el(`fact-${fact}`).isEnabled()) available.push(fact)
    expect(available.length).toBeGreaterThanOrEqual(2)
    for (const fact of available.slice(0, 2)) await scene.el(`fact-${fact}`).check()
    await scene.el('confirm-facts').click()
    await expect(scene.el('verification')).toHaveAttribute('data-strength', 'weak')

    await scene.el('helpdesk-remind-username').click()
    await expect(scene.el('resolve-outcome')).toBeVisible()
    expect(textBody((await mailTo(mailbox, user.email ?? '')).raw)).toContain(user.login)

    const remind = (await scene.audit(user.id)).find((entry) => entry.action === 'username.remind')
    expect(remind?.ticketRef).toBe('HD-5002')
    expect(remind?.verificationMethod).toBe('knowledge')
    await expect(scene.el('helpdesk-summary')).toContainText('Identity verified by knowledge check.')
    await expect(scene.el('helpdesk-summary')).toContainText('Emailed the username.')
  })

  test('temporary password: shown once, the user signs in with it and must change it', async ({ page, desk, api, mailbox, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const scene = await HelpdeskScene.start(page, desk, api)
    const user = await scene.ownUser({ twoFactor: 'off', locked: 'false' })
    await scene.findByEmail('HD-5003', user)
    await scene.verifyByCode(mailbox, user)

    await scene.el('helpdesk-temp-password').click()
    const dialog = page.getByTestId('helpdesk-temp-password-dialog').last()
    await expect(dialog.getByTestId('action-ticket')).toHaveValue('HD-5003')
    await dialog.getByTestId('action-confirm').click()
    const password = (await scene.el('temporary-password-value').textContent()) ?? ''
    expect(password.length).toBeGreaterThanOrEqual(12)
    await scene.el('copy-temporary-password').click()
    await expect(scene.el('copy-status')).toHaveAttribute('data-status', 'copied')
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(password)

    // On the server: the password signs in, only to choose a new one; the audit knows the ticket and the code.
    expect(await api.signsInOnlyToChangePassword(user.login, password)).toBe(true)
    const detail = await api.call<{ mustChangePassword: boolean }>('GET', `/api/v1/users/${user.id}`, { token: scene.adminToken })
    expect(detail.body.mustChangePassword).toBe(true)
    const set = (await scene.audit(user.id)).find((entry) => entry.action === 'password.set')
    expect(set?.ticketRef).toBe('HD-5003')
    expect(set?.verificationMethod).toBe('email_code')
    await expect(scene.el('helpdesk-summary')).not.toContainText(password)

    // Never shown again after leaving the step.
    await scene.el('next-ticket').click()
    await expect(scene.el('temporary-password')).toHaveCount(0)
    await expect(page.getByText(password)).toHaveCount(0)
  })

  test('disable 2FA is refused after a knowledge check only, and says why', async ({ page, desk, api }) => {
    const scene = await HelpdeskScene.start(page, desk, api)
    const user = await scene.ownUser({ twoFactor: 'on', locked: 'false' })
    await scene.findByEmail('HD-5004', user)
    await scene.el('knowledge-check').click()
    const enabled: ('company' | 'city' | 'phoneLast4')[] = []
    for (const fact of ['company', 'city', 'phoneLast4'] as const) if (await scene.el(`fact-${fact}`).isEnabled()) enabled.push(fact)
    for (const fact of enabled.slice(0, 2)) await scene.el(`fact-${fact}`).check()
    await scene.el('confirm-facts').click()
    await expect(scene.el('verification')).toHaveAttribute('data-strength', 'weak')

    await expect(scene.el('helpdesk-disable-2fa')).toBeDisabled()
    await expect(scene.el('disable-2fa-why')).toContainText('Only after a code verification')
    // Nothing changed on the server.
    const detail = await api.call<{ twoFactor: boolean }>('GET', `/api/v1/users/${user.id}`, { token: scene.adminToken })
    expect(detail.body.twoFactor).toBe(true)
    expect((await scene.audit(user.id)).some((entry) => entry.action === 'twoFactor.disable')).toBe(false)
  })
  test('locked account: Unlock appears for a locked user and unlocks on the server', async ({ page, desk, api, mailbox }) => {
    const scene = await HelpdeskScene.start(page, desk, api)
    // Lock an account the way it happens: wrong passwords at the portal's sign-in until it locks.
    const user = await scene.ownUser({ twoFactor: 'off', locked: 'false' })
    const isLocked = async () => (await api.call<{ locked: boolean }>('GET', `/api/v1/users/${user.id}`, { token: scene.adminToken })).body.locked
    for (let tries = 0; tries < 20 && !(await isLocked()); tries++) await api.call('POST', '/api/v1/portal/login', { json: { login: user.login, password: 'not-the-password' } })
    expect(await isLocked()).toBe(true)
    await scene.findByEmail('HD-5005', user)
    await scene.verifyByCode(mailbox, user)
    await scene.el('helpdesk-unlock').click()
    await expect(scene.el('resolve-outcome')).toBeVisible()
    await expect(scene.el('helpdesk-unlock')).toHaveCount(0)
    const detail = await api.call<{ locked: boolean }>('GET', `/api/v1/users/${user.id}`, { token: scene.adminToken })
    expect(detail.body.locked).toBe(false)
    const unlock = (await scene.audit(user.id)).find((entry) => entry.action === 'lock.unlock')
    expect(unlock?.ticketRef).toBe('HD-5005')
    expect(unlock?.verificationMethod).toBe('email_code')
    await expect(scene.el('helpdesk-summary')).toContainText('Unlocked the account.')
  })
})
