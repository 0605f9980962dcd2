import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { chromiumAvailable, clickOnceOpened, e2ePassword, expect, test, type PortalApi } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Both tests only read users; the grid's settings live in local storage, which each test starts without.
test.use({ sharedHost: 'admin' })

interface ApiUser {
  id: number
  login: string
  name: string
  email: string | null
  company: string | null
  companyId: number | null
  twoFactor: boolean
  version: number
}
interface ApiPage {
  items: ApiUser[]
  nextCursor: string | null
}

/** Every user the portal API lists for `query`, read the way an integration would: 200 at a time. */
async function apiUsers(api: PortalApi, token: string, query: Record<string, string | number>): Promise<ApiUser[]> {
  const users: ApiUser[] = []
  let cursor: string | null = null
  do {
    const params = new URLSearchParams({ sort: 'name', ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), limit: '200' })
    if (cursor) params.set('cursor', cursor)
    const answer = await api.call<ApiPage>('GET', `/api/v1/users?${params}`, { token })
    expect(answer.status).toBe(200)
    users.push(...answer.body.items)
    cursor = answer.body.nextCursor
  } while (cursor)
  return users
}

/** "Add filter" as an operator does it: what to filter by, then the value (typed, for a company). */
async function addFilter(page: Page, field: string, value: { option: string | number; search?: string }): Promise<void> {
  await page.getByTestId('add-filter').click()
  await page.getByTestId('filter-field').click()
  await clickOnceOpened(page.locator(`.ant-select-dropdown:visible .ant-select-item-option[data-value="${field}"]`))
  if (value.search) await page.keyboard.type(value.search)
  await clickOnceOpened(page.locator(`.ant-select-dropdown:visible .ant-select-item-option[data-value="${value.option}"]`))
  await expect(page.locator(`[data-testid="filter-chip"][data-filter="${field}"]`)).toBeVisible()
}

/** The grid settled on exactly these filters, with every page loaded. */
async function gridShows(page: Page, filters: Record<string, string | number>): Promise<number> {
  const grid = page.locator(`[data-testid="users-grid"][data-state="ready"][data-filters='${JSON.stringify(filters)}']`)
  await expect(grid).toBeVisible()
  await expect(grid).toHaveAttribute('data-complete', 'true')
  return Number(await grid.getAttribute('data-loaded'))
}

/** The `users:list` inputs the desk sent, in order (the browser host's transport is plain HTTP). */
function recordListCalls(page: Page): Record<string, unknown>[] {
  const calls: Record<string, unknown>[] = []
  page.on('request', (request) => {
    if (!request.url().endsWith('/__desk/invoke')) return
    const body = request.postDataJSON() as { channel: string; input: Record<string, unknown> }
    if (body.channel === 'users:list') calls.push(body.input)
  })
  return calls
}

test.describe('The users grid grows', () => {
  test.beforeEach(async ({ desk }) => {
    await desk.signIn('admin', e2ePassword)
    await expect(desk.signedIn).toBeVisible()
    await desk.gridSettled('portal')
  })

  test('filter chips narrow the grid exactly as the API does; page size, filters and columns survive a reload', async ({ desk, page, api }) => {
    const token = await api.operatorToken('admin', e2ePassword)
    const calls = recordListCalls(page)
    // Tall enough for the virtual grid to draw every row of the small filtered lists.
    await page.setViewportSize({ width: 1366, height: 1200 })

    // 2FA on: the grid shows what the API lists for twoFactor=on.
    await addFilter(page, 'twoFactor', { option: 'on' })
    const withTwoFactor = await apiUsers(api, token, { kind: 'portal', twoFactor: 'on' })
    expect(withTwoFactor.length).toBeGreaterThan(2)
    expect(await gridShows(page, { twoFactor: 'on' })).toBe(withTwoFactor.length)
    expect(new Set(await desk.field('login'))).toEqual(new Set(withTwoFactor.map((user) => user.login)))
    expect(calls.at(-1)).toMatchObject({ kind: 'portal', twoFactor: 'on' })

    // And a company, searched by name: both filters apply.
    const company = withTwoFactor.find((user) => user.companyId !== null) as ApiUser
    await addFilter(page, 'company', { search: (company.company ?? '').slice(0, 8), option: company.companyId as number })
    const both = await apiUsers(api, token, { kind: 'portal', twoFactor: 'on', companyId: company.companyId as number })
    expect(await gridShows(page, { twoFactor: 'on', companyId: company.companyId as number })).toBe(both.length)
    await expect(page.locator('[data-testid="filter-chip"][data-filter="company"]')).toContainText(company.company ?? '')

    // Removing the 2FA chip (keyboard: its own button, named after it) leaves the company.
    const removeTwoFactor = page.locator('[data-testid="filter-chip"][data-filter="twoFactor"] [data-testid="filter-chip-remove"]')
    await expect(removeTwoFactor).toHaveAttribute('aria-label', /2FA: On/)
    await removeTwoFactor.focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('[data-testid="filter-chip"][data-filter="twoFactor"]')).toHaveCount(0)
    const ofCompany = await apiUsers(api, token, { kind: 'portal', companyId: company.companyId as number })
    expect(await gridShows(page, { companyId: company.companyId as number })).toBe(ofCompany.length)

    // 50 rows per request, and no Email column.
    await page.getByTestId('page-size').click()
    await clickOnceOpened(page.locator('.ant-select-dropdown:visible .ant-select-item-option[data-value="50"]'))
    await expect(desk.grid).toHaveAttribute('data-page-size', '50')
    await expect.poll(() => calls.at(-1)).toMatchObject({ companyId: company.companyId, limit: 50 })
    await page.getByTestId('column-chooser').click()
    await page.locator('[data-testid="column-chooser-panel"] input[value="email"]').uncheck()
    await expect(page.locator('[data-testid="column-chooser-panel"] input[value="name"]')).toBeDisabled()
    await page.keyboard.press('Escape')
    await expect(desk.rows.first().locator('[data-field="email"]')).toHaveCount(0)
    await expect(desk.rows.first().locator('[data-field="login"]')).toHaveCount(1)

    // Remembered for this connection: after a reload the first request already has them.
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('portaldesk.userGrid'))) ?? '{}') as { state: { byConnection: Record<string, unknown> } }
    const byConnection = Object.values(saved.state.byConnection)
    expect(byConnection).toEqual([{ pageSize: 50, filters: { company: { id: company.companyId, name: company.company } }, columns: ['name', 'login', 'company', 'website', 'kind', 'lastSignIn'] }])
    calls.length = 0
    await page.reload()
    await expect(desk.signedIn).toBeVisible()
    expect(await gridShows(page, { companyId: company.companyId as number })).toBe(ofCompany.length)
    await expect(desk.grid).toHaveAttribute('data-page-size', '50')
    await expect(page.locator('[data-testid="filter-chip"]')).toHaveCount(1)
    await expect(page.locator('[data-testid="filter-chip"][data-filter="company"]')).toContainText(company.company ?? '')
    await expect(desk.rows.first().locator('[data-field="email"]')).toHaveCount(0)
    // The grid waited for the remembered settings: it never asked for the unfiltered default.
    expect(calls.length).toBeGreaterThan(0)
    for (const call of calls) expect(call).toMatchObject({ companyId: company.companyId, limit: 50 })

    // Clear filters brings back every portal user.
    await page.getByTestId('clear-filters').click()
    await expect(page.locator('[data-testid="users-grid"][data-state="ready"][data-filters="{}"]')).toBeVisible()
    await expect(page.getByTestId('add-filter')).toBeFocused()
  })

  test('Export CSV saves every user of the filtered view, quoted, with a BOM and no formulas', async ({ desk, page, api }) => {
    const token = await api.operatorToken('admin', e2ePassword)
    // A user whose name a spreadsheet would run, with a comma and quotes to escape.
    const victim = (await apiUsers(api, token, { kind: 'portal', signIn: 'never' }))[3] as ApiUser
    const hostile = '=HYPERLINK("http://evil.example","Click, me")'
    const renamed = await api.call('PATCH', `/api/v1/users/${victim.id}`, { token, json: { name: hostile, version: victim.version } })
    expect(renamed.status).toBe(200)
    const never = await apiUsers(api, token, { kind: 'portal', signIn: 'never' })
    expect(never.length).toBeGreaterThan(50)

    // 50 rows per request: the grid has loaded only the first page, the export takes them all.
    await page.getByTestId('page-size').click()
    await clickOnceOpened(page.locator('.ant-select-dropdown:visible .ant-select-item-option[data-value="50"]'))
    await addFilter(page, 'signIn', { option: 'never' })
    const grid = page.locator(`[data-testid="users-grid"][data-state="ready"][data-filters='{"signIn":"never"}']`)
    await expect(grid).toHaveAttribute('data-loaded', '50')
    await expect(grid).toHaveAttribute('data-complete', 'false')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    expect(download.suggestedFilename()).toMatch(/^portal-users-\d{4}-\d{2}-\d{2}\.csv$/)
    const bytes = await readFile(await download.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(bytes.subarray(3).toString('utf8'))

    expect(rows[0]).toEqual(['Name', 'Username', 'Email', 'Company', 'Website', 'Kind', 'Last sign-in'])
    expect(rows.length - 1).toBe(never.length)
    expect(rows.slice(1).map((row) => row[1])).toEqual(never.map((user) => user.login))
    const known = never.find((user) => user.id !== victim.id) as ApiUser
    expect(rows.find((row) => row[1] === known.login)).toEqual([known.name, known.login, known.email ?? '', known.company ?? '', expect.any(String), 'Portal', ''])
    expect(rows.find((row) => row[1] === victim.login)?.[0]).toBe(`'${hostile}`)
    await expect(page.getByTestId('export-progress')).toHaveCount(0)
    await expect(desk.grid).toHaveAttribute('data-loaded', '50')
  })
})

/** RFC 4180, enough to read back what the desk wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += char
  }
  return rows
}
