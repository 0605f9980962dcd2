import { chromiumAvailable, e2ePassword, expect, test } from './fixtures'
import { SecurityScene } from './security-support'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Each test acts on portal users of its own (`api.take`): they share their worker's desk.
test.use({ sharedHost: 'admin' })

/** The first seeded portal user whose `path` list (passkeys, API keys, payment methods) is not empty and whom no other test took, now taken. */
async function userWith<T extends { id: number }>(scene: SecurityScene, path: string): Promise<{ userId: number; items: T[] }> {
  for (const user of await scene.portalUsers()) {
    if (scene.api.taken.has(user.id)) continue
    const answer = await scene.call<{ items: T[] }>('GET', `/api/v1/users/${user.id}/${path}`)
    if (answer.status === 200 && answer.body.items.length > 0 && scene.api.take([user])) return { userId: user.id, items: answer.body.items }
  }
  throw new Error(`The seed has no portal user with ${path}`)
}

/** Passkeys, sessions, API keys and payment methods: each revoke is checked in the server's own list. */
test.describe('Security tab: passkeys, sessions, API keys, payment methods', () => {
  test('revoking a passkey removes it on the server', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const { userId, items } = await userWith<{ id: number; name: string }>(scene, 'passkeys')
    const passkey = items[0] as { id: number; name: string }
    await scene.openSecurity(userId)

    const row = page.locator(`[data-testid="passkey-row"][data-passkey-id="${passkey.id}"]`)
    await expect(row).toContainText(passkey.name)
    const dialog = await scene.open('revoke-passkey', row)
    await expect(dialog.getByTestId('action-consequence')).toContainText(passkey.name)
    await scene.confirm(dialog, 'HD-4001')
    await scene.expectNotice(`The passkey “${passkey.name}” was revoked.`)
    await expect(row).toHaveCount(0)

    const after = await scene.call<{ items: { id: number }[] }>('GET', `/api/v1/users/${userId}/passkeys`)
    expect(after.body.items.map((item) => item.id)).not.toContain(passkey.id)
  })

  test('revoking an API key makes the server list it as revoked', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const { userId, items } = await userWith<{ id: number; description: string }>(scene, 'api-keys')
    const key = items[0] as { id: number; description: string }
    await scene.openSecurity(userId)

    const row = page.locator(`[data-testid="api-key-row"][data-key-id="${key.id}"]`)
    await expect(row).toContainText(key.description)
    await scene.confirm(await scene.open('revoke-api-key', row), 'HD-4002')
    await scene.expectNotice(`The API key “${key.description}” was revoked.`)
    await expect(row).toHaveCount(0)

    const live = await scene.call<{ items: { id: number }[] }>('GET', `/api/v1/users/${userId}/api-keys`)
    expect(live.body.items.map((item) => item.id)).not.toContain(key.id)
    const all = await scene.call<{ items: { id: number; revokedAt: string | null }[] }>('GET', `/api/v1/users/${userId}/api-keys?includeRevoked=true`)
    expect(all.body.items.find((item) => item.id === key.id)?.revokedAt).not.toBeNull()
  })

  test('signing out one session ends that session only', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    const kept = await api.portalToken(user.login, e2ePassword)
    const ended = await api.portalToken(user.login, e2ePassword)
    const sessions = await scene.call<{ items: { id: string; startedAt: string }[] }>('GET', `/api/v1/users/${user.id}/sessions`)
    // Newest first: the second sign-in is the first row.
    const newest = sessions.body.items[0]
    if (!newest) throw new Error('The user has no session')
    await scene.openSecurity(user.id)

    const row = page.locator(`[data-testid="session-row"][data-session-id="${newest.id}"]`)
    await scene.confirm(await scene.open('revoke-session', row), 'HD-4003')
    await scene.expectNotice('The session was signed out.')
    await expect(row).toHaveCount(0)

    expect(await api.portalTokenWorks(ended)).toBe(false)
    expect(await api.portalTokenWorks(kept)).toBe(true)
  })

  test('Log out from all devices: the portal user’s session tokens stop working', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    const first = await api.portalToken(user.login, e2ePassword)
    const second = await api.portalToken(user.login, e2ePassword)
    await scene.openSecurity(user.id)
    await expect(page.getByTestId('security-sessions')).toHaveAttribute('data-state', 'ready')
    expect(await page.getByTestId('session-row').count()).toBeGreaterThanOrEqual(2)

    await scene.confirm(await scene.open('revoke-all-sessions'), 'HD-4004')
    await scene.expectNotice(new RegExp(`${user.name} was signed out of every device \\(\\d+ sessions\\)`))
    await expect(page.getByTestId('session-row')).toHaveCount(0)

    expect(await api.portalTokenWorks(first)).toBe(false)
    expect(await api.portalTokenWorks(second)).toBe(false)
  })

  test('deleting a payment method removes it on the server', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const { userId, items } = await userWith<{ id: number; masked: string }>(scene, 'payment-methods')
    const card = items[0] as { id: number; masked: string }
    await page.goto(`${page.url().replace(/#.*$/, '')}#/users/${userId}/payment-methods`)
    await expect(page.locator('[data-testid="payment-methods"][data-state="ready"]')).toBeVisible()
    await expect(page.getByTestId('payment-methods-hint')).toContainText('must be re-entered')

    const row = page.locator(`[data-testid="payment-method-row"][data-payment-method-id="${card.id}"]`)
    const dialog = await scene.open('delete-payment-method', row)
    await expect(dialog.getByTestId('action-consequence')).toContainText(card.masked)
    await scene.confirm(dialog, 'HD-4005')
    await scene.expectNotice(`The card ${card.masked} was deleted.`)
    await expect(row).toHaveCount(0)

    const after = await scene.call<{ items: { id: number }[] }>('GET', `/api/v1/users/${userId}/payment-methods`)
    expect(after.body.items.map((item) => item.id)).not.toContain(card.id)
  })
})
