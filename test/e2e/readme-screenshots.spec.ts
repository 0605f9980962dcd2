import { join } from 'node:path'
import { chromiumAvailable, e2ePassword, expect, test } from './fixtures'

/**
 * The README's pictures, taken from a real e2e run: `npm run screenshots` sets
 * PORTALDESK_README_SHOTS=docs/screenshots and runs this spec alone. Skipped in a plain `npm test`.
 */
const folder = process.env.PORTALDESK_README_SHOTS
test.skip(!chromiumAvailable || !folder, 'Set PORTALDESK_README_SHOTS=<folder> (npm run screenshots) to photograph the README screens.')

const looks = [
  { language: 'English', tag: 'en', theme: 'light' },
  { language: '简体中文', tag: 'zh-CN', theme: 'dark' }
] as const

test('photograph the grid, the General tab and the Security tab for the README', async ({ desk, page, api }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  const shot = (name: string) => page.screenshot({ path: join(folder ?? '.', `${name}.png`) })
  // Antd fades content in; let it settle so the picture shows the final colours.
  const settle = () => page.waitForTimeout(600)

  // A portal user with a company, sessions and a reset link to show: the first active one with 2FA off.
  const token = await api.operatorToken('admin', e2ePassword)
  const users = await api.call<{ items: { id: number; email: string | null }[] }>('GET', '/api/v1/users?kind=portal&limit=50', { token })
  const user = users.body.items.find((item) => item.email !== null)
  expect(user).toBeDefined()
  await api.call('POST', `/api/v1/users/${user?.id}/reset-link`, { token, json: {} })

  for (const look of looks) {
    const suffix = `${look.tag}-${look.theme}`
    await desk.choose(look.language, look.theme)
    if (await desk.signedOut.isVisible()) await desk.signIn('admin', e2ePassword)
    // The one-time administrator password notice is not part of the everyday screen.
    const notice = page.getByTestId('first-run-notice')
    if (await notice.isVisible()) {
      await notice.getByRole('button').last().click()
      await expect(notice).toBeHidden()
    }
    // Nothing hovered: no tooltip over the theme switch.
    await page.mouse.move(0, 600)
    await desk.gridSettled('portal')
    await settle()
    await shot(`grid-${suffix}`)

    await page.goto(page.url().replace(/#.*$/, `#/users/${user?.id}`))
    await expect(page.locator('[data-testid="user-form"][data-state]')).toBeVisible()
    await settle()
    await shot(`general-${suffix}`)

    await page.goto(page.url().replace(/#.*$/, `#/users/${user?.id}/security`))
    await expect(page.getByTestId('security-tab')).toBeVisible()
    await settle()
    await shot(`security-${suffix}`)

    // My account: turning one's own TOTP on, at the QR code step.
    await page.goto(page.url().replace(/#.*$/, '#/account/two-factor'))
    await page.getByTestId('two-factor-on').click()
    await page.getByTestId('two-factor-password').fill(e2ePassword)
    await page.getByTestId('two-factor-next').click()
    await expect(page.getByTestId('two-factor-qr').locator('svg')).toBeVisible()
    await page.mouse.move(0, 600)
    await settle()
    await shot(`my-account-${suffix}`)

    await page.goto(page.url().replace(/#.*$/, '#/users'))
  }
})
