import type { CompanyPage } from '../../src/shared/companies'
import type { UserDetail, UserListPage } from '../../src/shared/users'
import { chromiumAvailable, e2ePassword, expect, test } from './fixtures'

test.skip(!chromiumAvailable, 'no chromium')

const looks = [
  { language: 'English', tag: 'en', theme: 'light' },
  { language: '简体中文', tag: 'zh', theme: 'dark' },
  { language: 'English', tag: 'en', theme: 'dark' },
  { language: '简体中文', tag: 'zh', theme: 'light' }
] as const

test('look at the user form', async ({ desk, page, api }) => {
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 1366, height: 820 })
  const token = await api.operatorToken('admin', e2ePassword)
  const companies = await api.call<CompanyPage>('GET', '/api/v1/companies?limit=200', { token })
  const locked = companies.body.items.find((c) => c.documentLocked && c.userCount > 0)
  const list = await api.call<UserListPage>('GET', `/api/v1/users?kind=portal&limit=5&companyId=${locked?.id}`, { token })
  const id = list.body.items[0]?.id ?? 1
  await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  const settle = () => page.waitForTimeout(700)
  for (const look of looks) {
    const s = `${look.tag}-${look.theme}`
    await desk.choose(look.language, look.theme)
    await page.evaluate((h) => (window.location.hash = h), `#/users/${id}`)
    await expect(page.locator('[data-testid="user-form"][data-state="clean"]')).toBeVisible()
    await settle()
    await page.screenshot({ path: `/tmp/form-top-${s}.png` })
    await page.getByTestId('user-form-phone').fill('call me')
    await page.getByTestId('user-form-email').fill('x@')
    await page.getByTestId('user-form-add-email').click()
    await page.getByTestId('user-form-emails-0').scrollIntoViewIfNeeded()
    await settle()
    await page.screenshot({ path: `/tmp/form-errors-${s}.png` })
    await page.getByTestId('discard-user').click()
    await page.locator('[data-field="country"]').scrollIntoViewIfNeeded()
    await settle()
    await page.screenshot({ path: `/tmp/form-bottom-${s}.png` })
    await page.getByTestId('unlock-document-lock').click()
    await settle()
    await page.screenshot({ path: `/tmp/form-unlock-${s}.png` })
    await page.getByTestId('action-cancel').click()
    // A change behind the desk's back, then a save: the conflict panel.
    const current = (await api.call<UserDetail>('GET', `/api/v1/users/${id}`, { token })).body
    await api.call('PATCH', `/api/v1/users/${id}`, { token, json: { version: current.version, city: `Elsewhere ${s}`, phone: '+1 555 0100' } })
    await page.getByTestId('user-form-city').fill('Mine')
    await page.getByTestId('save-user').click()
    await expect(page.getByTestId('conflict-panel')).toBeVisible()
    await page.getByTestId('conflict-panel').scrollIntoViewIfNeeded()
    await settle()
    await page.screenshot({ path: `/tmp/form-conflict-${s}.png` })
    await page.getByTestId('conflict-reload').click()
    await page.getByTestId('user-form-firstName').fill('Unsaved')
    await page.getByTestId('back-to-users').click()
    await settle()
    await page.screenshot({ path: `/tmp/form-leave-${s}.png` })
    await page.locator('.ant-modal').getByTestId('unsaved-discard').click()
    await desk.gridSettled('portal')
  }
})
