import type { Locator, Page } from '@playwright/test'
import type { AuditPage } from '../../src/shared/audit'
import type { CompanyPage } from '../../src/shared/companies'
import type { UserDetail, UserListPage } from '../../src/shared/users'
import { chromiumAvailable, clickOnceOpened, Desk, e2ePassword, expect, test, type PortalApi } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Each test edits portal users of its own (`api.take`): they share their worker's desk.
test.use({ sharedHost: 'admin' })

/** The General tab's form, and how each test reaches it and reads the server. */
class UserFormPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('user-form')
  }
  input(name: string): Locator {
    return this.page.getByTestId(`user-form-${name}`)
  }
  error(name: string): Locator {
    return this.page.locator(`[data-field="${name}"] .ant-form-item-explain-error`)
  }

  /** Opens #/users/:id in the same document, as a deep link inside the desk does, and waits for the form. */
  async open(id: number): Promise<void> {
    // Only the hash changes: the same document navigates, as a deep link inside the desk would.
    await this.page.goto(`${this.page.url().replace(/#.*$/, '')}#/users/${id}`)
    await expect(this.page.locator(`[data-testid="user-detail"][data-state="ready"]`)).toBeVisible()
    await this.settled()
  }

  async settled(state: 'clean' | 'dirty' | 'conflict' = 'clean'): Promise<void> {
    await expect(this.form).toHaveAttribute('data-state', state)
  }

  /** Picks an option of a searchable select by typing, as an operator would. */
  async choose(field: string, search: string): Promise<void> {
    await this.page.locator(`[data-field="${field}"] .ant-select`).click()
    await this.page.keyboard.type(search)
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click()
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-user').click()
  }
}

async function signedInAt(page: Page, url: string): Promise<UserFormPage> {
  const desk = new Desk(page)
  await desk.open(url)
  if (await desk.signedOut.isVisible()) await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  return new UserFormPage(page)
}

async function userOnServer(api: PortalApi, token: string, id: number): Promise<UserDetail> {
  const answer = await api.call<UserDetail>('GET', `/api/v1/users/${id}`, { token })
  expect(answer.status).toBe(200)
  return answer.body
}

/** Portal users as the server lists them (optionally of one company), with their full records. */
async function portalUsers(api: PortalApi, token: string, query = ''): Promise<UserDetail[]> {
  const page = await api.call<UserListPage>('GET', `/api/v1/users?kind=portal&limit=40${query}`, { token })
  expect(page.status).toBe(200)
  return Promise.all(page.body.items.map((item) => userOnServer(api, token, item.id)))
}

/** A portal user of this test's own (`api.take`) that the country lock does not touch, with a company, website and email. */
async function unlockedPortalUser(api: PortalApi, token: string): Promise<UserDetail> {
  const users = await portalUsers(api, token)
  const user = api.take(users.filter((candidate) => !candidate.documentLocked && candidate.companyId !== null && candidate.websiteId !== null && candidate.email))
  if (!user) throw new Error('The seed has no portal user outside the country lock left for this test')
  return user
}

/** Watches the desk's calls of one channel (the browser host carries them as POST /__desk/invoke). */
function callsOf(page: Page, channel: string): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    const body = request.postData()
    if (request.url().endsWith('/__desk/invoke') && body?.includes(`"channel":"${channel}"`)) calls.push(body)
  })
  return calls
}

test('editing name parts, phone, another email, birthday and country saves them on the server; bad values are refused as typed', async ({ desk, page, api }) => {
  const token = await api.operatorToken('admin', e2ePassword)
  const before = await unlockedPortalUser(api, token)
  await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  const form = new UserFormPage(page)
  await form.open(before.id)
  const updates = callsOf(page, 'users:update')

  await form.input('email').fill('not-an-email')
  await expect(form.error('email')).toHaveText('Not a valid email address, such as name@example.com.')
  await form.input('phone').fill('call me maybe')
  await expect(form.error('phone')).toHaveText('Not a valid phone number: use digits, spaces and + ( ) . - / only.')
  await form.save()
  await form.settled('dirty')
  expect(updates).toHaveLength(0)
  expect((await userOnServer(api, token, before.id)).version).toBe(before.version)

  await form.input('email').fill(before.email ?? '')
  await form.input('phone').fill('+49 30 1234 5678')
  await expect(form.error('phone')).toHaveCount(0)
  await form.input('namePrefix').fill('Prof.')
  await form.input('firstName').fill('Erika')
  await form.input('middleName').fill('Maria')
  await form.input('lastName').fill('Mustermann')
  await form.input('nameSuffix').fill('PhD')
  await page.getByTestId('user-form-add-email').click()
  const extra = `erika.${before.id}@second.example`
  await form.input(`emails-${before.emails?.length ?? 0}`).fill(extra)
  const birthday = page.locator('[data-field="birthday"] input')
  await birthday.fill('03/15/1985')
  await birthday.press('Enter')
  await form.choose('country', before.country === 'DE' ? 'Austria' : 'Germany')
  const country = before.country === 'DE' ? 'AT' : 'DE'

  // Ctrl+S saves, like the button.
  await form.input('city').click()
  await page.keyboard.press('Control+s')
  await form.settled('clean')
  await expect(page.getByTestId('action-notice')).toBeVisible()
  expect(updates).toHaveLength(1)

  const after = await userOnServer(api, token, before.id)
  expect(after).toMatchObject({
    namePrefix: 'Prof.',
    firstName: 'Erika',
    middleName: 'Maria',
    lastName: 'Mustermann',
    nameSuffix: 'PhD',
    phone: '+49 30 1234 5678',
    email: before.email,
    emails: [...(before.emails ?? []), extra],
    birthday: '1985-03-15',
    country,
    version: before.version + 1
  })
  // Only what changed was sent: the untouched address lines are as they were.
  expect(after.street).toBe(before.street)
  await expect(form.form).toHaveAttribute('data-version', String(after.version))
  await expect(page.getByTestId('user-detail-name')).toHaveText(after.name)
})

test('a username already taken is refused by the server and shown on the Username field, nothing else lost', async ({ desk, page, api }) => {
  const token = await api.operatorToken('admin', e2ePassword)
  const user = await unlockedPortalUser(api, token)
  const other = await unlockedPortalUser(api, token)
  // A server session that no earlier test on this desk has re-verified: the rename below asks for the password.
  await desk.signInAgain('admin')
  const form = new UserFormPage(page)
  await form.open(user.id)

  await form.input('city').fill('Typed before the refusal')
  await form.input('login').fill(other.login)
  await form.save()
  const confirmation = page.locator('[data-testid="save-confirmation"][data-step]')
  await expect(confirmation).toContainText(`from ${user.login} to ${other.login}`)
  await confirmation.getByTestId('action-confirm').click()
  // Changing a username needs a fresh identity check: the dialog asks for the operator's password, then retries.
  await expect(confirmation).toHaveAttribute('data-step', 'reauth')
  await confirmation.getByTestId('reauth-password').fill(e2ePassword)
  await confirmation.getByTestId('reauth-confirm').click()

  await expect(form.error('login')).toHaveText('Another user already has this username.')
  await expect(page.getByTestId('user-form-error')).toBeVisible()
  await expect(form.input('login')).toHaveValue(other.login)
  await expect(form.input('city')).toHaveValue('Typed before the refusal')
  const after = await userOnServer(api, token, user.id)
  expect(after.login).toBe(user.login)
  expect(after.city).toBe(user.city)
  expect(after.version).toBe(user.version)
})

test('unsaved changes: Back asks first; Stay keeps the edit, Discard leaves (another tab too)', async ({ desk, page, api }) => {
  const token = await api.operatorToken('admin', e2ePassword)
  const user = await unlockedPortalUser(api, token)
  await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  const form = new UserFormPage(page)
  await form.open(user.id)

  await form.input('firstName').fill('Unsaved')
  await form.settled('dirty')
  await page.getByTestId('back-to-users').click()
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('unsaved-stay') })
  await clickOnceOpened(modal.getByTestId('unsaved-stay'))
  await expect(modal).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`#/users/${user.id}$`))
  await expect(form.input('firstName')).toHaveValue('Unsaved')

  // Another tab of the user page would drop the General tab's edit as well.
  await page.getByRole('tab', { name: 'Activity' }).click()
  await clickOnceOpened(modal.getByTestId('unsaved-stay'))
  await expect(page).toHaveURL(new RegExp(`#/users/${user.id}$`))

  await page.getByTestId('back-to-users').click()
  await clickOnceOpened(modal.getByTestId('unsaved-discard'))
  await expect(page).toHaveURL(/#\/users$/)
  await desk.gridSettled('portal')
  expect((await userOnServer(api, token, user.id)).firstName).toBe(user.firstName)
})

test('409 between two browser contexts: B sees A’s change; Re-apply saves both, Reload drops the edit', async ({ browser, host, api }) => {
  const token = await api.operatorToken('admin', e2ePassword)
  const user = await unlockedPortalUser(api, token)
  const contextA = await browser.newContext()
  const contextB = await browser.newContext()
  try {
    const a = await signedInAt(await contextA.newPage(), host.loginUrl())
    await a.open(user.id)
    // The browser host serves one desk session: the second window is signed in already.
    const b = await signedInAt(await contextB.newPage(), host.loginUrl())
    await b.open(user.id)

    await a.input('city').fill('Changed by A')
    await b.input('phone').fill('+44 20 7946 0000')
    await a.save()
    await a.settled('clean')
    await b.save()

    const panel = b.page.getByTestId('conflict-panel')
    await expect(panel).toBeVisible()
    await b.settled('conflict')
    const row = panel.locator('[data-field="city"]')
    await expect(row).toContainText(user.city ?? '')
    await expect(row.getByTestId('conflict-server-value')).toHaveText('Changed by A')
    expect((await userOnServer(api, token, user.id)).phone).toBe(user.phone)

    await panel.getByTestId('conflict-reapply').click()
    await b.settled('clean')
    const merged = await userOnServer(api, token, user.id)
    expect(merged).toMatchObject({ city: 'Changed by A', phone: '+44 20 7946 0000', version: user.version + 2 })
    await expect(b.input('city')).toHaveValue('Changed by A')

    // A still holds the record of its own save; B's change makes A's next save stale. Reload drops A's edit.
    await a.input('street').fill('Never saved')
    await a.save()
    const panelA = a.page.getByTestId('conflict-panel')
    await expect(panelA.locator('[data-field="phone"]').getByTestId('conflict-server-value')).toHaveText('+44 20 7946 0000')
    await panelA.getByTestId('conflict-reload').click()
    await a.settled('clean')
    await expect(a.input('street')).toHaveValue(user.street ?? '')
    await expect(a.input('phone')).toHaveValue('+44 20 7946 0000')
    const final = await userOnServer(api, token, user.id)
    expect(final.street).toBe(user.street)
    expect(final.version).toBe(merged.version)
  } finally {
    await contextA.close()
    await contextB.close()
  }
})

test('country lock: shown with its reason; an administrator unlocks it with a reason, changes the country, and the audit keeps the reason', async ({ desk, page, api }) => {
  const token = await api.operatorToken('admin', e2ePassword)
  const companies = await api.call<CompanyPage>('GET', '/api/v1/companies?limit=200', { token })
  const locked = companies.body.items.find((company) => company.documentLocked && company.userCount > 0)
  if (!locked) throw new Error('The seed has no company with documents')
  const user = api.take(await portalUsers(api, token, `&companyId=${locked.id}`))
  if (!user) throw new Error(`Company ${locked.id} has no active portal user left for this test`)
  expect(user.documentLocked).toBe(true)
  await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  const form = new UserFormPage(page)
  await form.open(user.id)

  const lock = page.getByTestId('document-lock')
  await expect(lock).toHaveAttribute('data-state', 'locked')
  await expect(page.getByTestId('document-lock-reason')).toHaveText(
    'Invoices or orders were already issued for this company, so its country, name and VAT number can no longer change. Contact an administrator to change them.'
  )
  await expect(page.locator('[data-field="country"] .ant-select')).toHaveClass(/ant-select-disabled/)
  await expect(form.input('companyName')).toBeDisabled()
  await expect(form.input('vat')).toBeDisabled()

  await page.getByTestId('unlock-document-lock').click()
  const dialog = page.locator('[data-testid="unlock-dialog"][data-step]')
  await dialog.getByTestId('action-confirm').click()
  await expect(dialog).toContainText('Give the reason for unlocking')
  const reason = 'Customer moved; new invoices go to the new address (HD-4711)'
  await dialog.getByTestId('unlock-reason').fill(reason)
  await dialog.getByTestId('unlock-reason').press('Enter')
  await expect(lock).toHaveAttribute('data-state', 'unlocked')
  await expect(lock).toContainText(reason)

  const target = user.country === 'AT' ? { search: 'Switzerland', code: 'CH' } : { search: 'Austria', code: 'AT' }
  await form.choose('country', target.search)
  await form.save()
  await form.settled('clean')
  await expect(lock).toHaveAttribute('data-state', 'locked')

  expect((await userOnServer(api, token, user.id)).country).toBe(target.code)
  const audit = await api.call<AuditPage>('GET', `/api/v1/audit?userId=${user.id}&action=user.update`, { token })
  expect(audit.status).toBe(200)
  const entry = audit.body.items[0]
  expect(entry?.reason).toBe(reason)
  expect(entry?.changes.country).toEqual({ from: user.country, to: target.code })
  expect(entry?.changes.documentLockOverride).toEqual({ from: false, to: true })
})

/** A 1×1 PNG, small enough to send and real enough for the server's byte sniffing. */
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

test('avatar: upload a PNG with preview, save, the server serves it; then remove it', async ({ desk, page, api }) => {
  const token = await api.operatorToken('admin', e2ePassword)
  const user = api.take((await portalUsers(api, token)).filter((candidate) => candidate.avatarUrl === null))
  if (!user) throw new Error('No seeded portal user without an avatar is left for this test')
  await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  const form = new UserFormPage(page)
  await form.open(user.id)
  const avatar = page.getByTestId('avatar-field')
  await expect(avatar).toHaveAttribute('data-state', 'none')

  // A file the server would refuse is explained at once and never sent.
  await page.getByTestId('avatar-input').setInputFiles({ name: 'face.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') })
  await expect(page.getByTestId('avatar-error')).toHaveText('Choose a PNG, JPEG or WebP image.')

  await page.getByTestId('avatar-input').setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: tinyPng })
  await expect(avatar).toHaveAttribute('data-state', 'staged-set')
  await expect(page.getByTestId('avatar-preview').locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/)
  await form.settled('dirty')
  await form.save()
  await form.settled('clean')
  await expect(avatar).toHaveAttribute('data-state', 'set')

  const served = await fetch(new URL(`/api/v1/users/${user.id}/avatar`, api.baseUrl), { headers: { authorization: `Bearer ${token}` } })
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await served.arrayBuffer()).equals(tinyPng)).toBe(true)

  await page.getByTestId('avatar-remove').click()
  await expect(avatar).toHaveAttribute('data-state', 'staged-remove')
  await form.save()
  await form.settled('clean')
  await expect(avatar).toHaveAttribute('data-state', 'none')
  const gone = await fetch(new URL(`/api/v1/users/${user.id}/avatar`, api.baseUrl), { headers: { authorization: `Bearer ${token}` } })
  expect(gone.status).toBe(404)
  expect((await userOnServer(api, token, user.id)).avatarUrl).toBeNull()
})
