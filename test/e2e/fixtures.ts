import { join } from 'node:path'
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { repoRoot, startBrowserHost, type BrowserHost } from '../browser-host/host'
import { createPortalTemplate, readPortalTemplate, type PortalTemplate } from '../browser-host/portal-template'
import { chromiumExecutable } from '../support/chromium'
import { isAddressedTo, startSmtpServer, type ReceivedMail } from '../support/smtp-mailbox'
import { PortalApi } from './support/portal-api'
import { e2ePassword, runTemplateDir, seededPortalUsers, templateMaxAgeMs, templatesEnv } from './support/seeded-portal'
import { requireOrSkip } from '../support/environment'

export { expect, PortalApi, e2ePassword, seededPortalUsers }
export { linkIn, textBody } from '../support/smtp-mailbox'

/** On CI a missing Chromium fails the run; elsewhere the suite says it skipped. */
export const chromiumAvailable = requireOrSkip('Chromium', chromiumExecutable() !== null, 'install Debian\'s chromium or set CHROMIUM_PATH')

/** The renderer as the operator sees it, with the readiness markers it publishes. */
export class Desk {
  /**
   * `signedInAs`: the login this desk is already signed in as, for a worker's shared desk (see `sharedHost`);
   * null when each test signs in itself.
   */
  constructor(
    readonly page: Page,
    readonly signedInAs: string | null = null
  ) {}

  get shell(): Locator {
    return this.page.locator('[data-app-state]')
  }
  get signedOut(): Locator {
    return this.page.getByTestId('signed-out')
  }
  get signedIn(): Locator {
    return this.page.getByTestId('signed-in')
  }
  // Found by purpose rather than by label, so that they work in every UI language.
  get loginInput(): Locator {
    return this.page.locator('input[autocomplete="username"]')
  }
  get passwordInput(): Locator {
    return this.page.locator('input[autocomplete="current-password"]')
  }
  get grid(): Locator {
    return this.page.getByTestId('users-grid')
  }
  get rows(): Locator {
    return this.page.getByTestId('user-row')
  }

  /** Picks a language and theme through the header, as an operator would. */
  async choose(language: 'English' | '简体中文', theme: 'light' | 'dark'): Promise<void> {
    const select = this.page.getByTestId('language-switch')
    if ((await select.textContent())?.includes(language) !== true) {
      await select.click()
      await clickOnceOpened(this.page.locator('.ant-select-item-option').filter({ hasText: language }))
    }
    const dark = this.page.getByRole('switch')
    if ((await dark.getAttribute('aria-checked')) !== String(theme === 'dark')) await dark.click()
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme)
  }

  /** Opens the desk at `url`: a host's `loginUrl()` in a fresh context, its `url` once this context holds the cookie. */
  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.shell).toHaveAttribute('data-app-state', 'ready')
  }

  /**
   * Signs in through the sign-in screen. On a worker's shared desk, signed in once as its operator, it
   * only checks that the desk is signed in as asked: anything else would change the desk of the tests after.
   */
  async signIn(login: string, password: string): Promise<void> {
    if (this.signedInAs !== null) {
      if (login !== this.signedInAs || password !== e2ePassword) {
        throw new Error(`This desk is shared by the worker's tests and signed in as ${this.signedInAs}: a test that signs in as ${login}, or with another password, needs its own host (leave sharedHost off).`)
      }
      await expect(this.signedIn).toBeVisible()
      return
    }
    await expect(this.signedOut).toBeVisible()
    await this.loginInput.fill(login)
    await this.passwordInput.fill(password)
    await this.passwordInput.press('Enter')
  }

  /**
   * Signs out through the header and in again as the same operator: a new session on the server, which
   * no re-authentication has verified yet. For a test that checks the re-authentication prompt on a
   * desk where an earlier test may have answered it (the prompt stays away for 10 minutes after).
   */
  async signInAgain(login: string): Promise<void> {
    if (this.signedInAs !== null && login !== this.signedInAs) throw new Error(`This desk is shared by the worker's tests and signed in as ${this.signedInAs}, not ${login}.`)
    await this.page.getByTestId('sign-out').click()
    await expect(this.signedOut).toBeVisible()
    await this.loginInput.fill(login)
    await this.passwordInput.fill(e2ePassword)
    await this.passwordInput.press('Enter')
    await expect(this.signedIn).toBeVisible()
  }

  /** Waits until the grid shows the settled result of exactly this filter and search. */
  async gridSettled(kind: 'portal' | 'internal' | 'all', q = ''): Promise<void> {
    const settled = this.page.locator(`[data-testid="users-grid"][data-state="ready"][data-kind="${kind}"][data-q="${q}"]`)
    await expect(settled).toBeVisible()
  }

  filterCount(kind: 'portal' | 'internal' | 'all'): Promise<number> {
    return this.page.getByTestId(`kind-filter-${kind}`).getAttribute('data-count').then(Number)
  }

  /** The values of one field in every row currently drawn by the virtual grid. */
  field(name: 'name' | 'login' | 'email' | 'company' | 'kind', rows: Locator = this.rows): Promise<string[]> {
    const attribute = name === 'kind' ? 'data-kind' : null
    return rows.locator(`[data-field="${name}"]`).evaluateAll(
      (cells, attr) => cells.map((cell) => (attr ? (cell.getAttribute(attr) ?? '') : (cell.textContent ?? ''))),
      attribute
    )
  }

  /** Scrolls the virtual grid until every page of the current list has been loaded. */
  async scrollToEnd(): Promise<void> {
    const body = this.grid.locator('.ant-table-tbody-virtual-holder')
    await expect(async () => {
      await body.hover()
      await this.page.mouse.wheel(0, 4000)
      await expect(this.grid).toHaveAttribute('data-complete', 'true', { timeout: 1000 })
    }).toPass()
  }
}


type Mailbox = Awaited<ReturnType<typeof startSmtpServer>>

function stale(template: PortalTemplate): boolean {
  return Date.now() - template.seededAt > templateMaxAgeMs
}

/**
 * Hands out the run's seeded portal template (seeded by the global setup, test/support/e2e-global-setup.ts).
 * Should a run outlast the template's age limit, the worker that finds it stale seeds one of its own in the
 * run's folder (within the `host` or `sharedSession` fixture's own timeout) and uses that from then on.
 */
class TemplateSource {
  #template: PortalTemplate | null = null

  constructor(
    readonly runDir: string | null,
    readonly workerDir: string | null
  ) {}

  async fresh(): Promise<PortalTemplate> {
    if (this.#template === null && this.runDir !== null) this.#template = await readPortalTemplate(runTemplateDir(this.runDir))
    if (this.#template !== null && stale(this.#template)) {
      if (this.#template.dir !== (this.runDir === null ? null : runTemplateDir(this.runDir))) await this.#template.remove()
      this.#template = null
    }
    this.#template ??= await createPortalTemplate({ users: seededPortalUsers, password: e2ePassword, repoRoot, ...(this.workerDir === null ? {} : { dir: this.workerDir }) })
    return this.#template
  }

  /** Only a template of this worker alone: the run's folder goes with the run. */
  async remove(): Promise<void> {
    if (this.runDir === null) await this.#template?.remove()
  }
}

/** One browser host with its own mailbox: the portal server delivers its emails to `mailbox`. */
async function startHostWithMailbox(template: PortalTemplate, mailbox: Mailbox, env: Record<string, string> = {}): Promise<BrowserHost> {
  return startBrowserHost({
    users: seededPortalUsers,
    password: e2ePassword,
    autoSignIn: false,
    env: { SMTP_URL: mailbox.url, MAIL_POLL_MS: '200', ...env },
    portalTemplate: template
  })
}

/** The operators a worker's shared desk can be signed in as (see `sharedHost`). */
const sharedLogins = ['admin', 'support'] as const
export type SharedLogin = (typeof sharedLogins)[number]

/**
 * A worker's shared desk: one browser host (with its own mailbox) and one browser context signed in
 * as one operator, started by the first test that asks for it and kept for the worker's later tests.
 * A host older than the template's age limit is replaced, for the reason the template is; that also
 * keeps its sign-in younger than the server's 10-minute re-verification, which some actions rely on.
 * Playwright replaces the worker after a failed test, so a failure never leaves its state to the next.
 */
interface SharedSession {
  login: SharedLogin
  host: BrowserHost
  mailbox: Mailbox
  context: BrowserContext
  taken: Set<number>
}

class SharedDesk {
  #started: (SharedSession & { template: PortalTemplate }) | null = null

  constructor(
    readonly browser: Browser,
    readonly templates: TemplateSource,
    readonly login: SharedLogin
  ) {}

  async get(): Promise<SharedSession> {
    if (this.#started !== null && stale(this.#started.template)) await this.close()
    if (this.#started === null) {
      const template = await this.templates.fresh()
      const mailbox = await startSmtpServer()
      const host = await startHostWithMailbox(template, mailbox).catch(async (error: unknown) => {
        await mailbox.close()
        throw error
      })
      const context = await this.browser.newContext()
      this.#started = { login: this.login, host, mailbox, context, taken: new Set(), template }
      const page = await context.newPage()
      const desk = new Desk(page)
      await desk.open(host.loginUrl())
      await desk.signIn(this.login, e2ePassword)
      await expect(desk.signedIn).toBeVisible()
      await page.close()
    }
    return this.#started
  }

  async close(): Promise<void> {
    const started = this.#started
    this.#started = null
    if (started === null) return
    await started.context.close()
    await started.host.close()
    await started.mailbox.close()
  }
}

/** A test's view of the shared mailbox: only what arrived since the test began. Its refusal mode is reset after the test. */
function mailboxSince(shared: Mailbox): Mailbox {
  const from = shared.received.length
  return {
    get received() {
      return shared.received.slice(from)
    },
    state: shared.state,
    url: shared.url,
    close: async () => {
      shared.state.mode = 'accept'
    }
  }
}

interface TestFixtures {
  /**
   * false (the default): the test has a fresh browser host of its own (own data folder, own database, a
   * copy of the run's template), signed out, in a fresh browser context.
   * 'admin' or 'support': the test runs on its worker's shared host for that operator, in its shared
   * context, already signed in as them, on a new page opened at the desk's start route with empty local
   * storage. For tests that change nothing another test relies on: each acts on users of its own (created
   * with unique names, or taken with `api.take`), and does not sign in as someone else, change the desk's
   * settings or lock it. A spec (or a describe block) opts in with `test.use({ sharedHost: 'admin' })`.
   */
  sharedHost: SharedLogin | false
  /** The worker's shared desk for this test (started, or replaced when stale, once per test); null without sharedHost. */
  sharedSession: SharedSession | null
  /** Variables added to the environment of the test's own portal server, e.g. `{ OPERATOR_2FA: 'required' }`. */
  hostEnv: Record<string, string>
  mailbox: Mailbox
  host: BrowserHost
  desk: Desk
  api: PortalApi
}

interface WorkerFixtures {
  portalTemplates: TemplateSource
  /** The worker's shared desks, one per operator, each started when a test first asks for it. */
  sharedDesks: Record<SharedLogin, SharedDesk>
}

/**
 * The browser host of each test (see `sharedHost`), whose portal server delivers its emails to a real
 * SMTP mailbox (`mailbox.received`), and the portal's own API beside the desk (`api`) to check effects on
 * the server. Each host's database is a copy of the run's seeded template (not one seeding per test: an
 * initdb, the migrations and the seeding are most of a host's start); what a test changes stays in its copy.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  sharedHost: [false, { option: true }],
  hostEnv: [{}, { option: true }],
  portalTemplates: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const runDir = process.env[templatesEnv] ?? null
      // parallelIndex stays the same for the worker that replaces a failed one.
      const templates = new TemplateSource(runDir, runDir === null ? null : join(runDir, `worker-${workerInfo.parallelIndex}`))
      try {
        await use(templates)
      } finally {
        await templates.remove()
      }
    },
    { scope: 'worker', timeout: 180_000 }
  ],
  sharedDesks: [
    async ({ browser, portalTemplates }, use) => {
      const desks = Object.fromEntries(sharedLogins.map((login) => [login, new SharedDesk(browser, portalTemplates, login)])) as Record<SharedLogin, SharedDesk>
      try {
        await use(desks)
      } finally {
        await Promise.all(Object.values(desks).map((desk) => desk.close()))
      }
    },
    { scope: 'worker', timeout: 60_000 }
  ],
  // Its own timeout: starting (or replacing) the shared host may seed a template, which is no test's budget.
  sharedSession: [
    async ({ sharedHost, sharedDesks }, use) => {
      await use(sharedHost === false ? null : await sharedDesks[sharedHost].get())
    },
    { timeout: 180_000 }
  ],
  mailbox: async ({ sharedSession }, use) => {
    const mailbox = sharedSession ? mailboxSince(sharedSession.mailbox) : await startSmtpServer()
    try {
      await use(mailbox)
    } finally {
      await mailbox.close()
    }
  },
  host: [
    async ({ sharedSession, hostEnv, mailbox, portalTemplates }, use) => {
      if (sharedSession) {
        if (Object.keys(hostEnv).length > 0) throw new Error('A shared host runs with the default environment: a test that needs hostEnv needs its own host.')
        await use(sharedSession.host)
        return
      }
      const host = await startHostWithMailbox(await portalTemplates.fresh(), mailbox, hostEnv)
      try {
        await use(host)
      } finally {
        await host.close()
      }
    },
    // Its own timeout: a run that outlasts the template's age seeds a new one here, which is no test's budget.
    { timeout: 180_000 }
  ],
  context: async ({ sharedSession, context }, use) => {
    if (!sharedSession) {
      await use(context)
      return
    }
    const shared = sharedSession.context
    await use(shared)
    // The test's pages go with it; the context, its cookie and the desk's session stay for the next test.
    for (const page of shared.pages()) await page.close()
  },
  desk: async ({ sharedSession, page, host }, use) => {
    if (!sharedSession) {
      const desk = new Desk(page)
      await desk.open(host.loginUrl())
      await use(desk)
      return
    }
    // A known start: none of the local storage (preferences, grid settings) an earlier test left, then the
    // desk's start route. The storage is cleared from a plain page of the desk's origin, so the desk loads once.
    await page.goto(new URL('/__desk/blank', host.url).href)
    await page.evaluate(() => localStorage.clear())
    await new Desk(page).open(host.url)
    await expect(page.getByTestId('signed-in').or(page.getByTestId('signed-out'))).toBeVisible()
    // A test that signed out (its own action, or the end of a session) leaves the next one signed out: sign in again.
    if (await page.getByTestId('signed-out').isVisible()) await new Desk(page).signIn(sharedSession.login, e2ePassword)
    const desk = new Desk(page, sharedSession.login)
    await expect(desk.signedIn).toBeVisible()
    await use(desk)
  },
  api: async ({ sharedSession, host }, use) => {
    await use(PortalApi.of(host, sharedSession?.taken))
  }
})

/** An antd dialog, select list or menu while its opening motion runs (rc-motion's `<name>-appear…`/`<name>-enter…` classes). */
const openingPopup = ['.ant-modal', '.ant-select-dropdown', '.ant-dropdown'].flatMap((popup) => [`${popup}[class*="-appear"]`, `${popup}[class*="-enter"]`]).join(', ')

/**
 * Waits until no dialog, select list or menu is still opening. antd holds such a popup at the first frame of its
 * motion for a moment (a dialog at about a tenth of its size), so Playwright's "stable" check can pass there and
 * aim a click at where a button is in that frame; by the time the click lands the popup has grown and it hits
 * whatever is there instead.
 */
export async function popupsOpened(page: Page): Promise<void> {
  await expect(page.locator(openingPopup)).toHaveCount(0)
}

/** Clicks `target`, in a dialog, select list or menu that may have just opened, once it has finished opening. */
export async function clickOnceOpened(target: Locator): Promise<void> {
  await expect(target).toBeVisible()
  await popupsOpened(target.page())
  await target.click()
}

/** Waits until the mailbox holds a message to `to` and returns the newest one. */
export async function mailTo(mailbox: Mailbox, to: string): Promise<ReceivedMail> {
  await expect.poll(() => mailbox.received.filter((mail) => isAddressedTo(mail, to)).length, { timeout: 15_000 }).toBeGreaterThan(0)
  const mails = mailbox.received.filter((mail) => isAddressedTo(mail, to))
  return mails[mails.length - 1] as ReceivedMail
}
