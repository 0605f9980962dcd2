import type { Locator, Page } from '@playwright/test'
import type { UserDetail, UserListItem } from '../../src/shared/users'
import { e2ePassword, expect, popupsOpened, type Desk, type PortalApi } from './fixtures'
import type { ReceivedMail } from '../support/smtp-mailbox'
import { textBody } from '../support/smtp-mailbox'

/**
 * Helpers of the Security tab's end-to-end tests (security-*.spec.ts): the server's view of a user
 * through the portal API, and the desk's dialogs found by test id (so they work in both languages).
 */
export class SecurityScene {
  constructor(
    readonly page: Page,
    readonly desk: Desk,
    readonly api: PortalApi,
    /** An administrator's own API token, beside the desk's session, to read what changed. */
    readonly token: string
  ) {}

  static async start(page: Page, desk: Desk, api: PortalApi): Promise<SecurityScene> {
    await desk.signIn('admin', e2ePassword)
    await expect(desk.signedIn).toBeVisible()
    return new SecurityScene(page, desk, api, await api.operatorToken('admin', e2ePassword))
  }

  /** Portal users as the server lists them (the first 200 of a filter). */
  async portalUsers(filters: Record<string, string> = {}): Promise<UserListItem[]> {
    const query = new URLSearchParams({ kind: 'portal', limit: '200', ...filters })
    const answer = await this.api.call<{ items: UserListItem[] }>('GET', `/api/v1/users?${query}`, { token: this.token })
    expect(answer.status).toBe(200)
    return answer.body.items
  }

  /**
   * An active, English-speaking portal user who can sign in to the portal with the seeded password (no 2FA, not locked),
   * taken as this test's own (see `PortalApi.take`): on a worker's shared host no other test acts on them.
   */
  async signInablePortalUser(skip = 0): Promise<UserListItem> {
    const users = (await this.portalUsers({ twoFactor: 'off', locked: 'false' })).filter((user) => user.email !== null)
    const untaken = users.filter((user) => !this.api.taken.has(user.id))
    // The tests read the emails in English, and a user who prefers Chinese is mailed in Chinese.
    for (const user of untaken.slice(5 + skip)) {
      if ((await this.user(user.id)).language !== 'en') continue
      this.api.taken.add(user.id)
      return user
    }
    throw new Error('No English-speaking portal user left to act on')
  }

  /** The first portal user of a filter that no other test on this host has taken, now this test's own. */
  async takePortalUser(filters: Record<string, string>, accept: (user: UserListItem) => boolean = () => true): Promise<UserListItem> {
    return this.api.takePortalUser(this.token, filters, accept)
  }

  async user(id: number): Promise<UserDetail> {
    const answer = await this.api.call<UserDetail>('GET', `/api/v1/users/${id}`, { token: this.token })
    expect(answer.status).toBe(200)
    return answer.body
  }

  /** Any administrator call for the setup of a test (archive someone, clear an email). */
  async call<T = unknown>(method: string, path: string, json?: unknown): Promise<{ status: number; body: T }> {
    return this.api.call<T>(method, path, { token: this.token, ...(json === undefined ? {} : { json }) })
  }

  /** Opens the user's Security tab in the desk, as a deep link inside it would. */
  async openSecurity(id: number): Promise<Locator> {
    await this.page.goto(`${this.page.url().replace(/#.*$/, '')}#/users/${id}/security`)
    await expect(this.page.locator('[data-testid="user-detail"][data-state="ready"][data-tab="security"]')).toBeVisible()
    const tab = this.page.getByTestId('security-tab')
    await expect(tab).toHaveAttribute('data-user-id', String(id))
    return tab
  }

  /** The dialog's body (the Modal carries the test id too; its body has `data-step`). */
  dialog(testId: string): Locator {
    return this.page.locator(`[data-testid="${testId}-dialog"][data-step]`)
  }

  /** Clicks the action's button and waits for its dialog. */
  async open(testId: string, within: Locator | Page = this.page): Promise<Locator> {
    await within.getByTestId(testId).click()
    const dialog = this.dialog(testId)
    await expect(dialog).toBeVisible()
    await popupsOpened(this.page)
    return dialog
  }

  /** Fills the ticket reference, confirms with Enter, and waits until the dialog closed after success. */
  async confirm(dialog: Locator, ticket = 'HD-1000'): Promise<void> {
    await dialog.getByTestId('action-ticket').fill(ticket)
    await dialog.getByTestId('action-ticket').press('Enter')
    await expect(dialog).toBeHidden()
  }

  /** The success notice of the action that just ran. */
  async expectNotice(text: string | RegExp): Promise<void> {
    await expect(this.page.locator('.ant-notification-notice').filter({ hasText: text }).last()).toBeVisible()
  }
}

/** The token of an emailed reset or invitation link. */
export function tokenOf(mail: ReceivedMail): string {
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(textBody(mail.raw))
  if (!match?.[1]) throw new Error('The email holds no reset link')
  return match[1]
}

/** Sets a password through the public reset page, as the user would from the emailed link. */
export async function setPasswordThroughLink(api: PortalApi, token: string, password: string): Promise<number> {
  return (await api.call('POST', '/reset-password', { json: { token, password } })).status
}

/** A password the policy accepts, unique per call. */
export function newPassword(): string {
  return `Quiet-Harbour-Lantern-${Math.floor(Math.random() * 1e6)}!`
}
