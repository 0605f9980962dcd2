import type { Locator, Page } from '@playwright/test'
import { chromiumAvailable, e2ePassword, expect, linkIn, mailTo, test, textBody } from './fixtures'
import { hasEmail } from './support/portal-api'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Each test resolves tickets of portal users of its own (`api.take`): they share their worker's desk signed in as the support agent.
test.use({ sharedHost: 'support' })

/** Issue 5's targets: interactions an operator needs, at most. */
const targets = { openUserByEmail: 3, forgottenPasswordTicket: 8, forgottenPasswordTicketFromLink: 4 } as const

/** Callers whose ticket the agent can resolve with an emailed code and a reset link. */
const signInable = { twoFactor: 'off', locked: 'false' }

/**
 * Counts the operator's interactions: a click or a key chord is one, typing one string is one.
 * Waiting for the screen to answer is not an interaction and is not counted.
 */
class InteractionCounter {
  count = 0
  constructor(readonly page: Page) {}
  async click(target: Locator): Promise<void> {
    this.count++
    await target.click()
  }
  /** A key chord into whatever has the focus (the operator does not click first). */
  async chord(keys: string): Promise<void> {
    this.count++
    await this.page.keyboard.press(keys)
  }
  /**
   * Opening a portaldesk:// link from the ticket (one click in the ticket system). The browser host
   * serves the hash route the link maps to, so that is what opens here.
   */
  async openLink(route: string): Promise<void> {
    this.count++
    await this.page.goto(`${this.page.url().replace(/#.*$/, '')}#${route}`)
  }
  /** Typing one string into the focused field. */
  async type(text: string): Promise<void> {
    this.count++
    await this.page.keyboard.insertText(text)
  }
}

test('step counts: open a user by email (A ≤ 3) and resolve a forgotten-password ticket (B ≤ 8)', async ({ page, desk, api, mailbox }) => {
  const adminToken = await api.operatorToken('admin', e2ePassword)
  const userA = await api.takePortalUser(adminToken, signInable, hasEmail)
  const userB = await api.takePortalUser(adminToken, signInable, hasEmail)
  await desk.signIn('support', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  await desk.gridSettled('portal')

  // A: from the start screen, open a portal user's form by email.
  const a = new InteractionCounter(page)
  await a.chord('Control+k')
  await expect(page.getByTestId('command-palette-input')).toBeFocused()
  await a.type(userA.email ?? '')
  await expect(page.locator('[data-testid="command-palette"][data-state="ready"]')).toBeVisible()
  await a.chord('Enter')
  await expect(page.locator(`[data-testid="user-detail"][data-state="ready"]`)).toBeVisible()
  expect(page.url()).toContain(`#/users/${userA.id}`)

  // B: ticket ref, find the user, verify with the emailed code, send the reset link.
  const b = new InteractionCounter(page)
  await b.click(page.getByTestId('nav-helpdesk'))
  await expect(page.getByTestId('helpdesk-ticket')).toBeFocused()
  await b.type('HD-7001')
  await b.chord('Enter')
  await expect(page.getByTestId('person-search-input')).toBeFocused()
  await b.type(userB.email ?? '')
  await expect(page.locator(`[data-testid="person-search"][data-state="ready"][data-q="${userB.email}"]`)).toBeVisible()
  await b.chord('Enter')
  await expect(page.getByTestId('send-code')).toBeFocused()
  const before = mailbox.received.length
  await b.chord('Enter')
  await expect.poll(() => mailbox.received.length, { timeout: 15_000 }).toBeGreaterThan(before)
  const code = /\b(\d{6})\b/.exec(textBody((await mailTo(mailbox, userB.email ?? '')).raw))?.[1] ?? ''
  await expect(page.getByTestId('code-input')).toBeFocused()
  await b.type(code)
  await expect(page.getByTestId('verification')).toHaveAttribute('data-method', 'email_code')
  await expect(page.getByTestId('helpdesk-reset-link')).toBeFocused()
  const beforeLink = mailbox.received.length
  await b.chord('Enter')
  await expect(page.getByTestId('resolve-outcome')).toBeVisible()
  await expect.poll(() => mailbox.received.length, { timeout: 15_000 }).toBeGreaterThan(beforeLink)
  expect(linkIn(await mailTo(mailbox, userB.email ?? ''))).not.toBeNull()
  const audit = await api.call<{ items: { action: string; ticketRef: string | null }[] }>('GET', `/api/v1/audit?userId=${userB.id}&action=password.resetLink`, { token: adminToken })
  expect(audit.body.items[0]?.ticketRef).toBe('HD-7001')

  console.log(`Step count A (open a portal user's form by email): ${a.count} (target ≤ ${targets.openUserByEmail})`)
  console.log(`Step count B (resolve a forgotten-password ticket): ${b.count} (target ≤ ${targets.forgottenPasswordTicket})`)
  expect(a.count).toBeLessThanOrEqual(targets.openUserByEmail)
  expect(b.count).toBeLessThanOrEqual(targets.forgottenPasswordTicket)
})

test('step count: a forgotten-password ticket opened from a portaldesk:// link, with an emailed code (C ≤ 4)', async ({ page, desk, api, mailbox }) => {
  const adminToken = await api.operatorToken('admin', e2ePassword)
  const user = await api.takePortalUser(adminToken, signInable, hasEmail)
  const email = user.email ?? ''
  await desk.signIn('support', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  await desk.gridSettled('portal')

  // C: the link fills the ticket and runs the search, whose one match is picked: verify, then send the reset link.
  const c = new InteractionCounter(page)
  await c.openLink(`/helpdesk?ticket=ZD-7002&q=${encodeURIComponent(email)}`)
  await expect(page.getByTestId('picked-person')).toHaveAttribute('data-user-id', String(user.id))
  await expect(page.getByTestId('send-code')).toBeFocused()
  const before = mailbox.received.length
  await c.chord('Enter')
  await expect.poll(() => mailbox.received.length, { timeout: 15_000 }).toBeGreaterThan(before)
  const code = /\b(\d{6})\b/.exec(textBody((await mailTo(mailbox, email)).raw))?.[1] ?? ''
  await expect(page.getByTestId('code-input')).toBeFocused()
  await c.type(code)
  await expect(page.getByTestId('verification')).toHaveAttribute('data-method', 'email_code')
  await expect(page.getByTestId('helpdesk-reset-link')).toBeFocused()
  const beforeLink = mailbox.received.length
  await c.chord('Enter')
  await expect(page.getByTestId('resolve-outcome')).toBeVisible()
  await expect.poll(() => mailbox.received.length, { timeout: 15_000 }).toBeGreaterThan(beforeLink)
  expect(linkIn(await mailTo(mailbox, email))).not.toBeNull()
  const audit = await api.call<{ items: { action: string; ticketRef: string | null }[] }>('GET', `/api/v1/audit?userId=${user.id}&action=password.resetLink`, { token: adminToken })
  expect(audit.body.items[0]?.ticketRef).toBe('ZD-7002')

  console.log(`Step count C (a forgotten-password ticket opened from a link): ${c.count} (target ≤ ${targets.forgottenPasswordTicketFromLink})`)
  expect(c.count).toBeLessThanOrEqual(targets.forgottenPasswordTicketFromLink)
})
