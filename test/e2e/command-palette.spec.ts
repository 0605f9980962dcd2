import type { Page } from '@playwright/test'
import type { UserListItem } from '../../src/shared/users'
import { chromiumAvailable, e2ePassword, expect, linkIn, mailTo, test, textBody } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// The actions run on a portal user of this test's own (`api.take`); the language is local storage, which each test starts without.
test.use({ sharedHost: 'admin' })

const palette = (page: Page) => page.getByTestId('command-palette')

async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('Control+k')
  await expect(page.getByTestId('command-palette-input')).toBeFocused()
}

test.describe('Command palette', () => {
  test('jumps to a user by part of the login, goes to any screen, and Esc gives the focus back', async ({ page, desk, api }) => {
    const token = await api.operatorToken('admin', e2ePassword)
    const user = (await api.call<{ items: UserListItem[] }>('GET', '/api/v1/users?kind=portal&limit=20', { token })).body.items[6] as UserListItem
    await desk.signIn('admin', e2ePassword)
    await desk.gridSettled('portal')

    const search = page.getByTestId('user-search')
    await search.focus()
    await openPalette(page)
    await expect(palette(page).getByRole('listbox')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(palette(page)).toHaveCount(0)
    await expect(search).toBeFocused()

    // Go to a screen, by arrows and Enter.
    await openPalette(page)
    await page.keyboard.insertText('help')
    await expect(page.getByTestId('command-palette-item').first()).toHaveAttribute('data-command', 'screen:helpdesk')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('helpdesk')).toBeVisible()

    // Jump to a user typed fast: the Enter waits for the answer.
    await openPalette(page)
    await page.keyboard.insertText(user.login)
    await page.keyboard.press('Enter')
    await expect(page.locator('[data-testid="user-detail"][data-state="ready"]')).toBeVisible()
    await expect(page.getByTestId('user-detail-name')).toHaveText(user.name)

    // Translated: the same palette in Chinese.
    await desk.choose('简体中文', 'light')
    await openPalette(page)
    await expect(page.getByTestId('command-palette-input')).toHaveAttribute('placeholder', '前往… / 查找用户 / 执行操作')
    await expect(page.getByTestId('command-palette-item').first()).toContainText('发送密码重置链接')
    await page.keyboard.press('Escape')
  })

  test('runs the actions on the user in view through their confirmation: reset link, log out everywhere, invite to 2FA', async ({ page, desk, api, mailbox }) => {
    const token = await api.operatorToken('admin', e2ePassword)
    const candidates = (await api.call<{ items: UserListItem[] }>('GET', '/api/v1/users?kind=portal&twoFactor=off&locked=false&limit=50', { token })).body.items.filter((item) => item.email !== null)
    const user = api.take(candidates, 8) as UserListItem
    const portalToken = await api.portalToken(user.login, e2ePassword)
    await desk.signIn('admin', e2ePassword)
    await desk.gridSettled('portal')
    await page.goto(`${page.url().replace(/#.*$/, '')}#/users/${user.id}`)
    await expect(page.locator('[data-testid="user-detail"][data-state="ready"]')).toBeVisible()

    const run = async (words: string, command: string, dialogId: string) => {
      await openPalette(page)
      await page.keyboard.insertText(words)
      await expect(page.getByTestId('command-palette-item').first()).toHaveAttribute('data-command', command)
      await page.keyboard.press('Enter')
      const dialog = page.getByTestId(dialogId).last()
      await expect(dialog.getByTestId('action-target')).toContainText(user.login)
      await dialog.getByTestId('action-ticket').fill('HD-6001')
      await dialog.getByTestId('action-confirm').click()
      await expect(page.getByTestId(dialogId)).toHaveCount(0)
    }

    let mails = mailbox.received.length
    await run('reset link', 'action:sendResetLink', 'send-reset-link-dialog')
    await expect.poll(() => mailbox.received.length, { timeout: 15_000 }).toBeGreaterThan(mails)
    expect(linkIn(await mailTo(mailbox, user.email ?? ''))).not.toBeNull()

    await run('log out', 'action:revokeSessions', 'revoke-all-sessions-dialog')
    expect(await api.portalTokenWorks(portalToken)).toBe(false)

    mails = mailbox.received.length
    await run('2fa', 'action:invite2fa', 'invite-2fa-dialog')
    await expect.poll(() => mailbox.received.length, { timeout: 15_000 }).toBeGreaterThan(mails)
    expect(textBody((await mailTo(mailbox, user.email ?? '')).raw).length).toBeGreaterThan(0)

    const audit = await api.call<{ items: { action: string; ticketRef: string | null }[] }>('GET', `/api/v1/audit?userId=${user.id}`, { token })
    const actions = audit.body.items.filter((entry) => entry.ticketRef === 'HD-6001').map((entry) => entry.action)
    expect(actions).toEqual(expect.arrayContaining(['password.resetLink', 'twoFactor.invite']))
    expect(actions.some((action) => action.startsWith('sessions.'))).toBe(true)
  })
})
