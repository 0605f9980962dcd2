import { chromiumAvailable, expect, test } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

test('the language and theme switches apply at once and are remembered', async ({ desk, page, host }) => {
  await desk.choose('简体中文', 'dark')

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('heading', { name: '登录门户' })).toBeVisible()
  await expect(page.getByLabel('登录名', { exact: true })).toBeVisible()
  await expect(page).toHaveTitle('PortalDesk — 本地门户')

  await desk.open(host.url)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('heading', { name: '登录门户' })).toBeVisible()
  await expect(page.getByRole('switch', { name: '深色主题' })).toHaveAttribute('aria-checked', 'true')
})
