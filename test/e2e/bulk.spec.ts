import type { Page } from '@playwright/test'
import { chromiumAvailable, clickOnceOpened, e2ePassword, expect, test, type PortalApi } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

interface ApiUser {
  id: number
  login: string
  name: string
  email: string | null
  twoFactor: boolean
}

/** Every item of a keyset-paged API list, 200 at a time. */
async function pageAll<T>(api: PortalApi, token: string, path: string, query: Record<string, string>): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  do {
    const params: URLSearchParams = new URLSearchParams({ ...query, limit: '200', ...(cursor ? { cursor } : {}) })
    const answer: { status: number; body: { items: T[]; nextCursor: string | null } } = await api.call<{ items: T[]; nextCursor: string | null }>('GET', `${path}?${params}`, { token })
    expect(answer.status, `GET ${path}`).toBe(200)
    items.push(...answer.body.items)
    cursor = answer.body.nextCursor
  } while (cursor)
  return items
}

/** The audit entries of `action` that carry this ticket: one per user the bulk action reached. */
async function auditedWithTicket(api: PortalApi, token: string, action: string, ticketRef: string) {
  const entries = await pageAll<{ ticketRef: string | null; target: { id: number } | null }>(api, token, '/api/v1/audit', { action })
  return entries.filter((entry) => entry.ticketRef === ticketRef)
}

/**
 * Lets the first `pass` calls of one channel through to the browser host and holds the later ones until
 * `release()`, so that the test sees a run in progress (its progress bar, its Cancel) for as long as it
 * looks, however fast the calls are. Only the transport waits, on the test's word; the test waits on markers.
 */
async function holdAfter(page: Page, channel: string, pass: number): Promise<{ release: () => void }> {
  let release = (): void => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let passed = 0
  await page.route('**/__desk/invoke', async (route) => {
    const body = route.request().postDataJSON() as { channel?: string }
    if (body.channel === channel && ++passed > pass) await released
    await route.continue()
  })
  return { release }
}

/** Ticks the loaded rows, then takes every user matching the filter. */
async function selectAllMatching(page: Page, expected: number): Promise<void> {
  await page.getByTestId('select-loaded').check()
  await expect(page.getByTestId('bulk-bar')).toBeVisible()
  await page.getByTestId('select-all-matching').click()
  await expect(page.getByTestId('all-matching-selected')).toBeVisible()
  await expect(page.getByTestId('bulk-bar')).toHaveAttribute('data-selected', String(expected))
  await expect(page.getByTestId('bulk-bar')).toHaveAttribute('data-all-matching', 'true')
}

test.describe('Bulk actions', () => {
  test.beforeEach(async ({ desk }) => {
    await desk.signIn('admin', e2ePassword)
    await expect(desk.signedIn).toBeVisible()
    await desk.gridSettled('portal')
  })

  test('Send password reset link to every never-signed-in user, one refused in the middle: the report and the outbox agree', async ({ page, api }) => {
    const token = await api.operatorToken('admin', e2ePassword)
    const targets = await pageAll<ApiUser>(api, token, '/api/v1/users', { kind: 'portal', signIn: 'never', sort: 'name' })
    expect(targets.length).toBeGreaterThanOrEqual(50)
    const withoutEmail = targets.filter((user) => user.email === null)
    const resetLinksBefore = (await pageAll<{ template: string }>(api, token, '/api/v1/outbox', {})).filter((mail) => mail.template === 'resetLink').length

    // 50 rows per request and the filter, then "select all matching": the whole set, not the loaded page.
    await page.getByTestId('page-size').click()
    await clickOnceOpened(page.locator('.ant-select-dropdown:visible .ant-select-item-option[data-value="50"]'))
    await page.getByTestId('add-filter').click()
    await page.getByTestId('filter-field').click()
    await clickOnceOpened(page.locator('.ant-select-dropdown:visible .ant-select-item-option[data-value="signIn"]'))
    await clickOnceOpened(page.locator('.ant-select-dropdown:visible .ant-select-item-option[data-value="never"]'))
    const grid = page.locator(`[data-testid="users-grid"][data-state="ready"][data-filters='{"signIn":"never"}']`)
    await expect(grid).toHaveAttribute('data-loaded', '50')
    await selectAllMatching(page, targets.length)
    await expect(grid).toHaveAttribute('data-loaded', '50')

    // Someone archives a user in the middle of the selection meanwhile: the server will refuse that one.
    const refused = targets.filter((user) => user.email !== null)[Math.floor(targets.length / 2)] as ApiUser
    expect((await api.call('POST', `/api/v1/users/${refused.id}/archive`, { token, json: {} })).status).toBe(200)

    const held = await holdAfter(page, 'security:send-reset-link', 1)
    await page.getByTestId('bulk-sendResetLink').click()
    const dialog = page.getByTestId('bulk-confirm').last()
    await expect(dialog.getByTestId('bulk-consequence')).toContainText(`${targets.length} users`)
    if (withoutEmail.length > 0) await expect(dialog.getByTestId('bulk-skips-ahead')).toHaveAttribute('data-count', String(withoutEmail.length))
    await dialog.getByTestId('action-ticket').fill('HD-4242')
    await dialog.getByTestId('action-reason').fill('Phishing wave: new passwords for everyone')
    await dialog.getByTestId('action-ticket').press('Enter')

    // The progress bar counts n of N while the calls go out.
    const run = page.getByTestId('bulk-run')
    await expect(run).toHaveAttribute('data-state', 'running')
    await expect(page.getByTestId('bulk-progress')).toHaveAttribute('aria-valuemax', String(targets.length))
    await expect.poll(async () => Number(await page.getByTestId('bulk-progress').getAttribute('aria-valuenow'))).toBeGreaterThan(0)
    await expect(page.getByTestId('bulk-progress-text')).toContainText(`of ${targets.length}`)
    held.release()
    await expect(run).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })

    const sent = targets.length - withoutEmail.length - 1
    await expect(run).toHaveAttribute('data-done', String(sent))
    await expect(run).toHaveAttribute('data-failed', '1')
    await expect(run).toHaveAttribute('data-skipped', String(withoutEmail.length))
    await expect(run).toHaveAttribute('data-not-started', '0')
    await expect(page.getByTestId('bulk-summary')).toContainText(`Sent: ${sent}`)

    // The failure names the user and says why, in words.
    await page.getByTestId('bulk-show').getByText('Failed', { exact: false }).click()
    const failed = page.locator('[data-testid="bulk-result"][data-outcome="failed"]')
    await expect(failed).toHaveCount(1)
    await expect(failed).toHaveAttribute('data-user-id', String(refused.id))
    await expect(failed).toContainText(refused.name)
    await expect(failed.locator('[data-field="reason"]')).toHaveText('The user is archived')
    if (withoutEmail.length > 0) {
      await page.getByTestId('bulk-show').getByText('Skipped', { exact: false }).click()
      await expect(page.locator('[data-testid="bulk-result"][data-outcome="skipped"]').first().locator('[data-field="reason"]')).toHaveText('No email address')
    }

    // On the server: one reset email per sent user (none for the refused one), each audited with the ticket.
    const resetLinks = (await pageAll<{ template: string; userId: number | null }>(api, token, '/api/v1/outbox', {})).filter((mail) => mail.template === 'resetLink')
    expect(resetLinks.length - resetLinksBefore).toBe(sent)
    expect(resetLinks.filter((mail) => mail.userId === refused.id)).toEqual([])
    const audited = await auditedWithTicket(api, token, 'password.resetLink', 'HD-4242')
    expect(audited).toHaveLength(sent)

    await page.getByTestId('bulk-close').click()
    await expect(run).toHaveCount(0)
    await expect(page.getByTestId('bulk-sendResetLink')).toBeFocused()
  })

  test('Log out from all devices can be cancelled midway: the report says what was done, and the server agrees', async ({ page, api, desk }) => {
    const token = await api.operatorToken('admin', e2ePassword)
    const targets = await pageAll<ApiUser>(api, token, '/api/v1/users', { kind: 'portal', sort: 'name' })
    const portalCount = await desk.filterCount('portal')
    expect(targets.length).toBe(portalCount)

    // A live portal session at each end of the list: the first will be reached, the last will not.
    const first = targets.slice(0, 3).find((user) => !user.twoFactor) as ApiUser
    const last = [...targets].reverse().find((user) => !user.twoFactor) as ApiUser
    const firstToken = await api.portalToken(first.login, e2ePassword)
    const lastToken = await api.portalToken(last.login, e2ePassword)

    // Without extra filters the kind count is exact: the offer names it before reading anything.
    await page.getByTestId('select-loaded').check()
    await expect(page.getByTestId('select-all-matching')).toHaveAttribute('data-count', String(portalCount))
    await expect(page.getByTestId('select-all-matching')).toContainText(`Select all ${portalCount} users matching the filter`)
    await selectAllMatching(page, portalCount)

    const held = await holdAfter(page, 'security:revoke-sessions', 5)
    await page.getByTestId('bulk-revokeSessions').click()
    const dialog = page.getByTestId('bulk-confirm').last()
    await dialog.getByTestId('action-ticket').fill('HD-CANCEL-1')
    await dialog.getByTestId('action-confirm').click()

    const run = page.getByTestId('bulk-run')
    await expect.poll(async () => Number(await run.getAttribute('data-finished'))).toBeGreaterThanOrEqual(5)
    await page.getByTestId('bulk-cancel').click()
    // The calls in flight when Cancel was pressed may still end; none is started after it.
    held.release()
    await expect(run).toHaveAttribute('data-state', 'finished')

    const count = async (name: string) => Number(await run.getAttribute(`data-${name}`))
    const done = await count('done')
    const notStarted = await count('not-started')
    expect(done).toBeGreaterThanOrEqual(5)
    expect(notStarted).toBeGreaterThan(0)
    expect(done + (await count('skipped')) + (await count('failed')) + notStarted).toBe(portalCount)
    await expect(page.getByTestId('bulk-summary')).toContainText(`Cancelled. Logged out: ${done}`)
    await expect(page.getByTestId('bulk-summary')).toContainText(`Not started: ${notStarted}`)

    // The server did exactly what the report says: as many audited revocations, the first user's
    // session is gone, the last user's still works.
    expect(await auditedWithTicket(api, token, 'sessions.revoke', 'HD-CANCEL-1')).toHaveLength(done)
    expect(await api.portalTokenWorks(firstToken)).toBe(false)
    expect(await api.portalTokenWorks(lastToken)).toBe(true)

    await page.getByTestId('bulk-show').getByText('Not started', { exact: false }).click()
    await expect(page.locator('[data-testid="bulk-result"][data-outcome="notStarted"]').first()).toBeVisible()
  })
})
