import type { Page } from '@playwright/test'
import type { DeskBridge } from '../../src/shared/ipc/desk-api'
import type { UserDetail, UserListItem } from '../../src/shared/users'
import { chromiumAvailable, e2ePassword, expect, test, type PortalApi } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

async function adminToken(api: PortalApi): Promise<string> {
  return api.operatorToken('admin', e2ePassword)
}

async function firstUser(api: PortalApi, token: string, kind: 'portal' | 'internal', filters: Record<string, string> = {}): Promise<UserListItem> {
  const query = new URLSearchParams({ kind, limit: '50', ...filters })
  const answer = await api.call<{ items: UserListItem[] }>('GET', `/api/v1/users?${query}`, { token })
  expect(answer.status).toBe(200)
  const user = answer.body.items.find((item) => item.email !== null)
  if (!user) throw new Error(`No ${kind} user to look at`)
  return user
}

async function serverUser(api: PortalApi, token: string, id: number): Promise<UserDetail> {
  const answer = await api.call<UserDetail>('GET', `/api/v1/users/${id}`, { token })
  expect(answer.status).toBe(200)
  return answer.body
}

async function goTo(page: Page, route: string): Promise<void> {
  await page.goto(`${page.url().replace(/#.*$/, '')}#${route}`)
}

/** Hovers a disabled control's wrapper and reads the tooltip it shows. */
async function expectTooltip(page: Page, wrapper: ReturnType<Page['locator']>, text: string): Promise<void> {
  await page.mouse.move(0, 0)
  await wrapper.hover()
  // Another tooltip (the one of the control just used) may still be fading out: look for this one.
  await expect(page.locator('.ant-tooltip:visible').filter({ hasText: text })).toBeVisible()
}

test.describe('The role-aware desk', () => {
  test('the server stays the authority: a support agent calling archive through window.desk gets FORBIDDEN and nothing changes', async ({ page, desk, api }) => {
    const token = await adminToken(api)
    const target = await firstUser(api, token, 'portal')
    const before = await serverUser(api, token, target.id)

    await desk.signIn('support', e2ePassword)
    await expect(desk.signedIn).toBeVisible()
    const result = await page.evaluate(
      (id) => (globalThis as unknown as { desk: DeskBridge }).desk.users.archive({ id, audit: { ticketRef: 'HD-5001' } }),
      target.id
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN')

    // A support agent may not delete either, even with a ticket.
    const deleted = await page.evaluate(
      (id) => (globalThis as unknown as { desk: DeskBridge }).desk.users.delete({ id, blocklist: false, audit: { ticketRef: 'HD-5001' } }),
      target.id
    )
    expect(deleted.ok).toBe(false)
    if (!deleted.ok) expect(deleted.error.code).toBe('FORBIDDEN')

    const after = await serverUser(api, token, target.id)
    expect(after.active).toBe(true)
    expect(after.deletedAt).toBeNull()
    expect(after.version).toBe(before.version)
    const audit = await api.call<{ items: { action: string }[] }>('GET', `/api/v1/audit?userId=${target.id}`, { token })
    expect(audit.status).toBe(200)
    expect(audit.body.items.map((entry) => entry.action)).not.toContain('user.archive')
  })

  test('the role matrix seen from the UI: support sees administrator actions disabled with "Administrators only" and no Security tab on internal users; an administrator has them all', async ({ page, desk, api }) => {
    const token = await adminToken(api)
    const portalUser = await firstUser(api, token, 'portal')
    const internalUser = await firstUser(api, token, 'internal')

    await desk.signIn('support', e2ePassword)
    await expect(desk.signedIn).toBeVisible()

    // The grid: New user and the archive bulk action are administrators' work; the helpdesk's are not.
    await desk.gridSettled('portal')
    await expect(page.getByTestId('new-portal-user')).toBeDisabled()
    await desk.rows.first().locator('input[type="checkbox"]').check()
    await expect(page.getByTestId('bulk-archive')).toBeDisabled()
    await expect(page.getByTestId('bulk-sendResetLink')).toBeEnabled()
    await expectTooltip(page, page.getByTestId('bulk-archive').locator('xpath=..'), 'Administrators only')

    // A portal user's Security tab: helpdesk actions enabled, administrator actions disabled with the tooltip.
    await goTo(page, `/users/${portalUser.id}/security`)
    await expect(page.getByTestId('security-tab')).toHaveAttribute('data-user-id', String(portalUser.id))
    for (const allowed of ['send-reset-link', 'change-password']) await expect(page.getByTestId(allowed)).toBeEnabled()
    for (const refused of ['require-reset', 'archive-restore', 'delete-account', 'grant-portal-access']) {
      await expect(page.getByTestId(refused)).toBeDisabled()
      await expect(page.getByTestId(`${refused}-wrapper`)).toHaveAttribute('data-role-refused', 'true')
    }
    await expectTooltip(page, page.getByTestId('delete-account-wrapper').locator('.security-action-disabled'), 'Administrators only')

    // The General tab is read-only: no Save.
    await goTo(page, `/users/${portalUser.id}`)
    await expect(page.getByTestId('user-form-read-only')).toBeVisible()
    await expect(page.getByTestId('save-user')).toHaveCount(0)

    // An internal user: no Security tab at all; a deep link says why instead of showing errors.
    await goTo(page, `/users/${internalUser.id}`)
    await expect(page.locator('[data-testid="user-detail"][data-state="ready"]')).toBeVisible()
    await expect(page.locator('[data-node-key="security"]')).toHaveCount(0)
    await expect(page.locator('[data-node-key="general"]')).toBeVisible()
    await goTo(page, `/users/${internalUser.id}/security`)
    await expect(page.getByTestId('not-for-role')).toBeVisible()
    await expect(page.getByTestId('security-tab')).toHaveCount(0)
    await page.screenshot({ path: '/tmp/roles-support-internal.png' })

    // Chinese: the same refusal, translated.
    await goTo(page, `/users/${portalUser.id}/security`)
    await desk.choose('简体中文', 'dark')
    await expectTooltip(page, page.getByTestId('delete-account-wrapper').locator('.security-action-disabled'), '仅限管理员')
    await page.screenshot({ path: '/tmp/roles-support-zh-dark.png' })

    // An administrator has every action and the Security tab of internal users.
    await page.getByTestId('sign-out').click()
    await desk.signIn('admin', e2ePassword)
    await expect(desk.signedIn).toBeVisible()
    await goTo(page, `/users/${portalUser.id}/security`)
    await expect(page.getByTestId('security-tab')).toHaveAttribute('data-user-id', String(portalUser.id))
    for (const action of ['send-reset-link', 'require-reset', 'archive-restore', 'delete-account']) {
      await expect(page.getByTestId(action)).toBeEnabled()
      await expect(page.getByTestId(`${action}-wrapper`)).not.toHaveAttribute('data-role-refused', 'true')
    }
    await goTo(page, `/users/${internalUser.id}/security`)
    await expect(page.getByTestId('security-tab')).toHaveAttribute('data-user-id', String(internalUser.id))
    await goTo(page, '/users')
    await desk.gridSettled('portal')
    await expect(page.getByTestId('new-portal-user')).toBeEnabled()
  })
})
