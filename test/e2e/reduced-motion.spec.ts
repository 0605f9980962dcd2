import type { Locator } from '@playwright/test'
import { chromiumAvailable, expect, test } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
test.use({ sharedHost: true })

/**
 * How a control moves, as the browser computes it: antd's motion duration token (a CSS variable its
 * components' transitions use) and the longest transition the control actually has, in seconds.
 */
function motionOf(control: Locator): Promise<{ token: string; transition: number }> {
  return control.evaluate((element) => {
    // This suite is typed without the DOM library: the page's own getComputedStyle, as far as it is used.
    const page = globalThis as unknown as { getComputedStyle(element: unknown): { transitionDuration: string; getPropertyValue(name: string): string } }
    const style = page.getComputedStyle(element)
    return {
      token: style.getPropertyValue('--ant-motion-duration-mid').trim(),
      transition: Math.max(...style.transitionDuration.split(',').map((value: string) => parseFloat(value)))
    }
  })
}

test('the desk animates for an operator who has not asked for less motion, and stops as soon as they do', async ({ desk, page }) => {
  const button = page.getByTestId('signed-in').getByRole('button').first()
  await expect(button).toBeVisible()

  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await expect.poll(() => motionOf(button)).toEqual({ token: '0.2s', transition: 0.2 })

  // Followed live: the system setting changes while the desk is open, without a reload.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await expect.poll(() => motionOf(button)).toEqual({ token: '0s', transition: 0 })
  await expect(desk.signedIn).toBeVisible()

  // Popups are still placed where they belong: the Add filter panel and its value list open on screen.
  await page.getByTestId('add-filter').click()
  await page.getByTestId('filter-field').click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[data-value="twoFactor"]').click()
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option[data-value="on"]')).toBeInViewport()
})
