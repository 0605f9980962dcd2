import type { Page } from '@playwright/test'
import { chromiumAvailable, clickOnceOpened, e2ePassword, expect, linkIn, mailTo, test, type Desk, type PortalApi } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Each test acts on users of its own: the ones it creates, or the ones it takes (api.take).
test.use({ sharedHost: 'admin' })

interface CompanySummary {
  id: number
  name: string
  vat: string | null
  userCount: number
  documentLocked: boolean
}
interface CompanyDetail extends CompanySummary {
  documents: { invoices: number; orders: number }
  websites: { id: number; name: string }[]
  users: { id: number; name: string; username: string; website: string | null; status: string }[]
}
interface UserOnServer {
  id: number
  login: string
  name: string
  active: boolean
  companyId: number | null
  websiteId: number | null
  deletedAt?: string | null
}

/** A password the policy accepts (long, unguessable) that no seeded account has. */
const newPassword = (label: string) => `Quartz-${label}-Meadow-7429-Lantern!`
/** A username no seeded account has, nor any account an earlier test on the same host created. */
const createdLoginPrefix = 'e2e.'
const newLogin = (label: string) => `${createdLoginPrefix}${label}.${Date.now().toString(36)}`

async function signedInAdmin(desk: Desk, api: PortalApi): Promise<string> {
  await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  return api.operatorToken('admin', e2ePassword)
}

async function companyNamed(api: PortalApi, token: string, q: string): Promise<CompanyDetail> {
  const list = await api.call<{ items: CompanySummary[] }>('GET', `/api/v1/companies?q=${encodeURIComponent(q)}`, { token })
  expect(list.status).toBe(200)
  const [summary] = list.body.items
  expect(summary, `a company matches ${q}`).toBeDefined()
  const detail = await api.call<CompanyDetail>('GET', `/api/v1/companies/${summary?.id}`, { token })
  expect(detail.status).toBe(200)
  return detail.body
}

/** Seeded active portal users of the company who sign in with the seeded password alone (no 2FA, not locked); not the ones tests created. */
async function plainUsersOf(api: PortalApi, token: string, companyId: number): Promise<UserOnServer[]> {
  const answer = await api.call<{ items: UserOnServer[] }>('GET', `/api/v1/users?kind=portal&companyId=${companyId}&twoFactor=off&locked=false&status=active&limit=20`, {
    token
  })
  expect(answer.status).toBe(200)
  return answer.body.items.filter((user) => !user.login.startsWith(createdLoginPrefix))
}

async function userOnServer(api: PortalApi, token: string, id: number): Promise<UserOnServer> {
  const answer = await api.call<UserOnServer>('GET', `/api/v1/users/${id}`, { token })
  expect(answer.status).toBe(200)
  return answer.body
}

async function portalSignInStatus(api: PortalApi, login: string, password: string): Promise<number> {
  return (await api.call('POST', '/api/v1/portal/login', { json: { login, password } })).status
}

async function openCompany(page: Page, id: number): Promise<void> {
  await page.getByTestId('nav-companies').click()
  await expect(page.locator('[data-testid="companies-list"][data-state="ready"]')).toBeVisible()
  await page.locator(`[data-testid="company-row"][data-company-id="${id}"] [data-field="name"]`).click()
  await expect(page.locator(`[data-testid="company-page"][data-state="ready"][data-company-id="${id}"]`)).toBeVisible()
}

const row = (page: Page, userId: number) => page.locator(`[data-testid="company-user-row"][data-user-id="${userId}"]`)

/** Waits until an action dialog has closed after its success (it stays open on failure). */
async function dialogDone(page: Page, testId: string): Promise<void> {
  await expect(page.locator(`.ant-modal [data-testid="${testId}"]`)).toHaveCount(0)
}

/**
 * Confirms, then answers the re-authentication prompt if the server asks for one. It acts only on a
 * dialog that waits for the operator (the prompt shown and not busy): typing into or clicking a dialog
 * still busy with the server races with its next step, whose fields replace the ones being typed into.
 */
async function confirmWithReauth(page: Page, testId: string): Promise<void> {
  const dialog = page.locator(`.ant-modal [data-testid="${testId}"]`)
  const askingPassword = page.locator(`.ant-modal [data-testid="${testId}"][data-step="reauth"][data-busy="false"]`)
  await dialog.getByTestId('action-confirm').click()
  await expect(async () => {
    if (await askingPassword.isVisible()) {
      await askingPassword.getByTestId('reauth-password').fill(e2ePassword)
      await askingPassword.getByTestId('reauth-confirm').click()
      // The password was taken (or refused in words): never answer the same prompt twice.
      await expect(page.locator(`.ant-modal [data-testid="${testId}"][data-step="reauth"][data-busy="false"]:not(:has([data-testid="action-error"]))`)).toHaveCount(0)
    }
    // Closed is what the operator sees: antd may keep a closed modal's node for its animation.
    await expect(dialog).toBeHidden({ timeout: 2000 })
  }).toPass()
}

/** Holds the desk's calls on `channel` for `ms` before they leave, as on a loaded machine. */
async function slowChannel(page: Page, channel: string, ms: number): Promise<void> {
  await page.route('**/__desk/invoke', async (route) => {
    const call = route.request().postDataJSON() as { channel?: string } | null
    if (call?.channel === channel) await new Promise((resolve) => setTimeout(resolve, ms))
    await route.continue()
  })
}

test.describe('Companies', () => {
  test('searching a company and opening it lists its users with the four columns, as the server has them', async ({ desk, api, page }) => {
    const token = await signedInAdmin(desk, api)
    const northwind = await companyNamed(api, token, 'Northwind')

    await page.getByTestId('nav-companies').click()
    await expect(page).toHaveURL(/#\/companies$/)
    const list = page.getByTestId('companies-list')
    await expect(list).toHaveAttribute('data-state', 'ready')
    // Every company of the first page, with its lock icon exactly where documents exist.
    const firstPage = await api.call<{ items: CompanySummary[] }>('GET', '/api/v1/companies', { token })
    await expect(page.getByTestId('company-row')).toHaveCount(firstPage.body.items.length)
    for (const company of firstPage.body.items.slice(0, 10)) {
      const companyRow = page.locator(`[data-testid="company-row"][data-company-id="${company.id}"]`)
      await expect(companyRow.locator('[data-field="locked"]')).toHaveAttribute('data-locked', String(company.documentLocked))
      await expect(companyRow.locator('[data-field="users"]')).toHaveText(String(company.userCount))
    }

    await page.getByTestId('company-search').fill('Northwind')
    await expect(page.locator('[data-testid="companies-list"][data-state="ready"][data-q="Northwind"]')).toBeVisible()
    await expect(page.getByTestId('company-row')).toHaveCount(1)
    const found = page.getByTestId('company-row').first()
    await expect(found.locator('[data-field="name"]')).toHaveText(northwind.name)
    await expect(found.locator('[data-field="vat"]')).toHaveText(northwind.vat ?? '—')
    await expect(found.locator('[data-field="users"]')).toHaveText(String(northwind.userCount))

    await found.locator('[data-field="name"]').click()
    await expect(page).toHaveURL(new RegExp(`#/companies/${northwind.id}$`))
    const company = page.locator('[data-testid="company-page"][data-state="ready"]')
    await expect(company.getByTestId('company-name')).toHaveText(northwind.name)
    await expect(company.locator('[data-field="vat"]')).toHaveText(northwind.vat ?? '—')
    await expect(company.locator('[data-field="userCount"]')).toHaveText(String(northwind.userCount))
    const documents = company.locator('[data-field="documents"]')
    await expect(documents).toHaveAttribute('data-locked', String(northwind.documentLocked))
    await expect(documents).toHaveAttribute('data-invoices', String(northwind.documents.invoices))
    await expect(documents).toHaveAttribute('data-orders', String(northwind.documents.orders))
    for (const website of northwind.websites) await expect(company.locator('[data-field="websites"]')).toContainText(website.name)

    // The Users subtab: exactly Name, Username, Website, and the Edit and Delete buttons.
    const users = company.getByTestId('company-users')
    await expect(users.locator('thead th')).toHaveText(['Name', 'Username', 'Website', 'Actions'])
    await expect(users.getByTestId('company-user-row')).toHaveCount(northwind.users.length)
    for (const user of northwind.users.slice(0, 8)) {
      const userRow = row(page, user.id)
      await expect(userRow.locator('[data-field="name"]')).toHaveText(user.name)
      await expect(userRow.locator('[data-field="username"]')).toHaveText(user.username)
      await expect(userRow.locator('[data-field="website"]')).toHaveText(user.website ?? '—')
      await expect(userRow).toHaveAttribute('data-status', user.status)
      await expect(userRow.getByTestId('company-user-edit')).toBeVisible()
      await expect(userRow.getByTestId('company-user-delete')).toBeVisible()
    }
    const notActive = northwind.users.filter((user) => user.status !== 'active').length
    await expect(users.getByTestId('company-user-status')).toHaveCount(notActive)

    // Back returns to the list as it was left, search included.
    await page.goBack()
    await expect(page.locator('[data-testid="companies-list"][data-state="ready"][data-q="Northwind"]')).toBeVisible()
    await expect(page.getByTestId('company-search')).toHaveValue('Northwind')
  })

  test('Add new user with Name, Surname, Username and Password: the user is listed and signs in to the portal', async ({ desk, api, page }) => {
    const token = await signedInAdmin(desk, api)
    const company = await companyNamed(api, token, 'Acme Logistics')
    await openCompany(page, company.id)

    const login = newLogin('added')
    const password = newPassword('added')
    await page.getByTestId('add-company-user').click()
    const dialog = page.locator('.ant-modal [data-testid="add-company-user-dialog"]')
    await expect(dialog.getByTestId('new-user-first-name')).toBeFocused()
    await dialog.getByTestId('new-user-first-name').fill('Grace')
    await dialog.getByTestId('new-user-last-name').fill('Hopper')
    await dialog.getByTestId('new-user-login').fill(login)
    await dialog.getByTestId('new-user-password-input').fill(password)
    await expect(dialog.getByTestId('password-strength')).toHaveAttribute('data-score', /[34]/)
    await dialog.getByTestId('action-confirm').click()
    await dialogDone(page, 'add-company-user-dialog')
    await expect(page.getByTestId('action-notice')).toContainText('Grace Hopper')

    const added = page.locator('[data-testid="company-user-row"]').filter({ has: page.locator('[data-field="username"]', { hasText: login }) })
    await expect(added).toHaveCount(1)
    await expect(added.locator('[data-field="name"]')).toHaveText('Grace Hopper')
    await expect(added.locator('[data-field="website"]')).toHaveText(company.websites[0]?.name ?? '')

    const onServer = await userOnServer(api, token, Number(await added.getAttribute('data-user-id')))
    expect(onServer).toMatchObject({ login, companyId: company.id, websiteId: company.websites[0]?.id, active: true })
    expect(await api.portalTokenWorks(await api.portalToken(login, password))).toBe(true)
    const after = await companyNamed(api, token, 'Acme Logistics')
    await expect(page.locator('[data-field="userCount"]')).toHaveText(String(after.userCount))
    expect(after.userCount).toBe(company.userCount + 1)
  })

  test('a username already taken is refused in words on the Username field, and nothing typed is lost', async ({ desk, api, page }) => {
    const token = await signedInAdmin(desk, api)
    const company = await companyNamed(api, token, 'Northwind')
    const [someone] = await plainUsersOf(api, token, company.id)
    expect(someone).toBeDefined()
    await openCompany(page, company.id)

    await page.getByTestId('add-company-user').click()
    const dialog = page.locator('.ant-modal [data-testid="add-company-user-dialog"]')
    await dialog.getByTestId('new-user-first-name').fill('Ada')
    await dialog.getByTestId('new-user-last-name').fill('Lovelace')
    await dialog.getByTestId('new-user-login').fill(someone?.login ?? '')
    await dialog.getByTestId('new-user-password-input').fill(newPassword('taken'))
    await dialog.getByTestId('action-confirm').click()

    await expect(dialog.getByTestId('action-error')).toBeVisible()
    const loginItem = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('new-user-login') })
    await expect(loginItem.locator('.ant-form-item-explain-error')).toHaveText('This username is already taken. Choose another one.')
    await expect(dialog.getByTestId('new-user-first-name')).toHaveValue('Ada')
    await expect(dialog.getByTestId('new-user-password-input')).toHaveValue(newPassword('taken'))
    const again = await companyNamed(api, token, 'Northwind')
    expect(again.userCount).toBe(company.userCount)
  })

  test('Prim.io "stop access": Delete revokes portal access, and deleting an account needs the typed username', async ({ desk, api, page }) => {
    const token = await signedInAdmin(desk, api)
    const company = await companyNamed(api, token, 'Northwind')
    const plain = await plainUsersOf(api, token, company.id)
    const [user, other] = [api.take(plain), api.take(plain)]
    if (!user || !other) throw new Error('Northwind needs two active users without 2FA')
    const portalToken = await api.portalToken(user.login, e2ePassword)
    await openCompany(page, company.id)

    await row(page, user.id).getByTestId('company-user-delete').click()
    const dialog = page.locator('.ant-modal [data-testid="stop-access-dialog"]')
    await expect(dialog.getByTestId('action-target')).toContainText(user.login)
    await expect(dialog.locator('input[type="radio"][value="revoke"]')).toBeChecked()
    await expect(dialog.getByTestId('action-confirmation')).toHaveCount(0)
    await dialog.getByTestId('action-ticket').fill('HD-4711')
    await dialog.getByTestId('action-confirm').click()
    await dialogDone(page, 'stop-access-dialog')
    await expect(page.getByTestId('action-notice')).toBeVisible()
    await expect(row(page, user.id)).toHaveAttribute('data-status', 'archived')
    await expect(row(page, user.id).getByTestId('company-user-status')).toBeVisible()

    // On the server: no more sign-in, and the token the user had no longer works.
    expect(await portalSignInStatus(api, user.login, e2ePassword)).not.toBe(200)
    expect(await api.portalTokenWorks(portalToken)).toBe(false)
    expect((await userOnServer(api, token, user.id)).active).toBe(false)
    const audit = await api.call<{ items: { action: string; ticketRef: string | null }[] }>('GET', `/api/v1/audit?userId=${user.id}&action=portalAccess.revoke`, { token })
    expect(audit.body.items[0]).toMatchObject({ action: 'portalAccess.revoke', ticketRef: 'HD-4711' })

    // The permanent choice: the username must be typed, the block list is ticked by default.
    await row(page, other.id).getByTestId('company-user-delete').click()
    await clickOnceOpened(dialog.getByTestId('stop-access-delete'))
    await expect(dialog.locator('input[type="radio"][value="delete"]')).toBeChecked()
    await expect(dialog.locator('input[type="checkbox"]')).toBeChecked()
    await dialog.getByTestId('action-confirm').click()
    await expect(dialog.locator('.ant-form-item-explain-error')).toContainText(other.login)
    await dialog.getByTestId('action-confirmation').fill(other.login)
    await confirmWithReauth(page, 'stop-access-dialog')
    await expect(row(page, other.id)).toHaveAttribute('data-status', 'deleted')
    const deleted = await userOnServer(api, token, other.id)
    expect(deleted.deletedAt).toBeTruthy()
    expect(deleted.login).toMatch(/^__deleted_user_/)
    expect(await portalSignInStatus(api, other.login, e2ePassword)).not.toBe(200)
  })

  test('Prim.io "new password" and "new username and password": Edit sets them, and only the new pair signs in', async ({ desk, api, page }) => {
    const token = await signedInAdmin(desk, api)
    const company = await companyNamed(api, token, 'Northwind')
    const plain = await plainUsersOf(api, token, company.id)
    const [forgotPassword, forgotBoth] = [api.take(plain), api.take(plain)]
    if (!forgotPassword || !forgotBoth) throw new Error('Northwind needs two active users without 2FA')
    await openCompany(page, company.id)
    const dialog = page.locator('.ant-modal [data-testid="edit-credentials-dialog"]')

    // The re-authentication answers slowly, as in a full-suite run on a loaded machine: the dialog stays
    // busy past the helper's 2 s look, and the helper must wait rather than type into its prompt.
    await slowChannel(page, 'auth:reauth', 3000)

    // "My client has forgotten his password": a new password only.
    const passwordOnly = newPassword('only')
    await row(page, forgotPassword.id).getByTestId('company-user-edit').click()
    await expect(dialog.getByTestId('edit-credentials-login')).toHaveValue(forgotPassword.login)
    await expect(dialog.getByTestId('open-full-user-page')).toHaveAttribute('href', `#/users/${forgotPassword.id}`)
    await dialog.getByTestId('edit-credentials-password-input').fill(passwordOnly)
    await confirmWithReauth(page, 'edit-credentials-dialog')
    await expect(page.getByTestId('action-notice').first()).toBeVisible()
    // "Must change at next sign-in" is ticked by default: the new password signs in to choose another.
    expect(await api.signsInOnlyToChangePassword(forgotPassword.login, passwordOnly)).toBe(true)
    expect(await portalSignInStatus(api, forgotPassword.login, e2ePassword)).not.toBe(200)

    // "…forgotten his username and password": both anew.
    const login = newLogin('renamed')
    const password = newPassword('renamed')
    await row(page, forgotBoth.id).getByTestId('company-user-edit').click()
    // A new opening for another user: their username, an empty password, not busy.
    await expect(dialog.getByTestId('edit-credentials-login')).toHaveValue(forgotBoth.login)
    await expect(dialog.getByTestId('edit-credentials-password-input')).toHaveValue('')
    await expect(dialog).toHaveAttribute('data-busy', 'false')
    await dialog.getByTestId('edit-credentials-login').fill(login)
    await dialog.getByTestId('edit-credentials-password-input').fill(password)
    await confirmWithReauth(page, 'edit-credentials-dialog')
    await expect(row(page, forgotBoth.id).locator('[data-field="username"]')).toHaveText(login)

    expect(await api.signsInOnlyToChangePassword(login, password)).toBe(true)
    expect(await portalSignInStatus(api, forgotBoth.login, e2ePassword)).not.toBe(200)
    expect(await portalSignInStatus(api, forgotBoth.login, password)).not.toBe(200)
    expect(await portalSignInStatus(api, login, e2ePassword)).not.toBe(200)
    expect((await userOnServer(api, token, forgotBoth.id)).login).toBe(login)
  })
})

test.describe('New portal user from Manage Users', () => {
  async function openDialog(desk: Desk, page: Page) {
    await desk.gridSettled('portal')
    await page.getByTestId('new-portal-user').click()
    const dialog = page.locator('.ant-modal [data-testid="new-portal-user-dialog"]')
    await expect(dialog.getByTestId('new-user-first-name')).toBeVisible()
    return dialog
  }

  async function chooseCompany(page: Page, name: string) {
    await page.getByTestId('new-user-company').click()
    await page.keyboard.type(name.split(' ')[0] ?? name)
    await clickOnceOpened(page.locator('.ant-select-item-option').filter({ hasText: name }))
  }

  test('with a typed password: the user is created in the chosen company and signs in to the portal', async ({ desk, api, page }) => {
    const token = await signedInAdmin(desk, api)
    const company = await companyNamed(api, token, 'Northwind')
    const dialog = await openDialog(desk, page)

    const login = newLogin('grid')
    const password = newPassword('grid')
    await dialog.getByTestId('new-user-first-name').fill('Katherine')
    await dialog.getByTestId('new-user-last-name').fill('Johnson')
    await dialog.getByTestId('new-user-login').fill(login)
    await chooseCompany(page, company.name)
    // The company's only website is chosen for the operator.
    await expect(dialog.getByTestId('new-user-website')).toContainText(company.websites[0]?.name ?? '')
    // Create stays where it was while the strength estimate arrives: a click aimed at it never lands beside it.
    // Measured from the dialog's own top, so that scrolling the dialog into view for the next field does not count.
    const createTop = () =>
      dialog.getByTestId('action-confirm').evaluate((button) => {
        const modal = button.closest('.ant-modal')
        if (modal === null) throw new Error('Create is not inside a modal dialog')
        return button.getBoundingClientRect().top - modal.getBoundingClientRect().top
      })
    const untyped = await createTop()
    await dialog.getByTestId('new-user-password-input').fill(password)
    await expect(dialog.getByTestId('password-strength')).toBeVisible()
    expect(await createTop()).toBe(untyped)
    await dialog.getByTestId('action-confirm').click()

    await expect(page).toHaveURL(/#\/users\/\d+$/)
    const id = Number(/#\/users\/(\d+)$/.exec(page.url())?.[1])
    await expect(page.locator('[data-testid="user-detail"][data-state="ready"]')).toBeVisible()
    expect(await userOnServer(api, token, id)).toMatchObject({ login, name: 'Katherine Johnson', companyId: company.id, websiteId: company.websites[0]?.id })
    expect(await api.portalTokenWorks(await api.portalToken(login, password))).toBe(true)
  })

  test('with Send invitation instead: the email carries a set-password link that makes the account usable', async ({ desk, api, page, mailbox }) => {
    const token = await signedInAdmin(desk, api)
    const company = await companyNamed(api, token, 'Müller')
    const dialog = await openDialog(desk, page)

    const login = newLogin('invited')
    const email = `${login}@mueller-maschinenbau.example`
    await dialog.getByTestId('new-user-first-name').fill('Emmy')
    await dialog.getByTestId('new-user-last-name').fill('Noether')
    await dialog.getByTestId('new-user-login').fill(login)
    await chooseCompany(page, company.name)
    await dialog.getByTestId('new-user-invite').click()
    await expect(dialog.getByTestId('new-user-password')).toHaveCount(0)
    // An invitation needs an email: said on the field before anything is sent.
    await dialog.getByTestId('action-confirm').click()
    const emailItem = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('new-user-email') })
    await expect(emailItem.locator('.ant-form-item-explain-error')).toBeVisible()
    await dialog.getByTestId('new-user-email').fill(email)
    await dialog.getByTestId('action-confirm').click()

    await expect(page).toHaveURL(/#\/users\/\d+$/)
    const id = Number(/#\/users\/(\d+)$/.exec(page.url())?.[1])
    expect(await userOnServer(api, token, id)).toMatchObject({ login, companyId: company.id, active: true })
    // Nobody knows the password the account was created with: the link is the way in.
    const link = linkIn(await mailTo(mailbox, email))
    expect(link, 'the invitation carries a set-password link').toBeTruthy()
    const linkToken = new URL(link ?? '').searchParams.get('token')
    const chosen = newPassword('chosen')
    const redeemed = await api.call('POST', '/reset-password', { json: { token: linkToken, password: chosen } })
    expect(redeemed.status).toBe(200)
    expect(await api.portalTokenWorks(await api.portalToken(login, chosen))).toBe(true)
  })
})
