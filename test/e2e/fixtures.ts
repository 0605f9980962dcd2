import { join } from 'node:path'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { repoRoot, startBrowserHost, type BrowserHost } from '../browser-host/host'
import { createPortalTemplate, readPortalTemplate, type PortalTemplate } from '../browser-host/portal-template'
import { templatesEnv } from '../support/e2e-global-setup'
import { chromiumExecutable } from '../support/chromium'
import { startSmtpServer, type ReceivedMail } from '../support/smtp-mailbox'
import { PortalApi } from './support/portal-api'
import { requireOrSkip } from '../support/environment'

export { expect, PortalApi }
export { linkIn, textBody } from '../support/smtp-mailbox'

/** The password of every seeded account, the local administrator's included. */
export const e2ePassword = 'E2e-Password-2026!'
/** Portal users seeded per test; the internal staff (admin, support, …) come on top. */
export const seededPortalUsers = 300

/** On CI a missing Chromium fails the run; elsewhere the suite says it skipped. */
export const chromiumAvailable = requireOrSkip('Chromium', chromiumExecutable() !== null, 'install Debian\'s chromium or set CHROMIUM_PATH')

/** The renderer as the operator sees it, with the readiness markers it publishes. */
export class Desk {
  constructor(readonly page: Page) {}

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
      await this.page.locator('.ant-select-item-option').filter({ hasText: language }).click()
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

  async signIn(login: string, password: string): Promise<void> {
    await expect(this.signedOut).toBeVisible()
    await this.loginInput.fill(login)
    await this.passwordInput.fill(password)
    await this.passwordInput.press('Enter')
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

/**
 * The seed dates locks, sessions and audit rows from its own "now" (its most recent sessions were last
 * seen 20 minutes before it, and go idle at 30); a template older than this is seeded again, so that
 * every test finds the same accounts locked and the same sessions active as right after a first run.
 */
const templateMaxAgeMs = 5 * 60_000

/**
 * Hands out a seeded portal template (portal-template.ts), seeding a new one when the last one is stale.
 * With the run's folder (global setup) the template outlives the worker, so a replacement worker reuses it.
 */
class TemplateSource {
  #template: PortalTemplate | null = null

  constructor(readonly dir: string | null) {}

  async fresh(): Promise<PortalTemplate> {
    this.#template ??= this.dir === null ? null : await readPortalTemplate(this.dir)
    if (this.#template && Date.now() - this.#template.seededAt > templateMaxAgeMs) {
      await this.#template.remove()
      this.#template = null
    }
    this.#template ??= await createPortalTemplate({ users: seededPortalUsers, password: e2ePassword, repoRoot, ...(this.dir === null ? {} : { dir: this.dir }) })
    return this.#template
  }

  /** Only a template of this worker alone: the run's folder goes with the run. */
  async remove(): Promise<void> {
    if (this.dir === null) await this.#template?.remove()
  }
}

/**
 * One fresh browser host (own data folder, own database, 300 seeded portal users) per test, whose
 * portal server delivers its emails to a real SMTP mailbox of the test (`mailbox.received`), and the
 * portal's own API beside the desk (`api`) to check effects on the server.
 * Each host's database is a copy of a seeded template the worker made (not one seeding per test: an
 * initdb, the migrations and the seeding are most of a host's start); what a test changes stays in its copy.
 */
export const test = base.extend<{ mailbox: Mailbox; host: BrowserHost; desk: Desk; api: PortalApi }, { portalTemplates: TemplateSource }>({
  portalTemplates: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      // parallelIndex stays the same for the worker that replaces a failed one.
      const runDir = process.env[templatesEnv]
      const templates = new TemplateSource(runDir ? join(runDir, `worker-${workerInfo.parallelIndex}`) : null)
      // Seeded here, under this fixture's own timeout, so the first test of a worker keeps its 90 s for itself.
      await templates.fresh()
      try {
        await use(templates)
      } finally {
        await templates.remove()
      }
    },
    { scope: 'worker', timeout: 180_000 }
  ],
  // Playwright reads the fixtures a fixture needs from its first parameter: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  mailbox: async ({}, use) => {
    const mailbox = await startSmtpServer()
    try {
      await use(mailbox)
    } finally {
      await mailbox.close()
    }
  },
  host: async ({ mailbox, portalTemplates }, use) => {
    const host = await startBrowserHost({
      users: seededPortalUsers,
      password: e2ePassword,
      autoSignIn: false,
      env: { SMTP_URL: mailbox.url, MAIL_POLL_MS: '200' },
      portalTemplate: await portalTemplates.fresh()
    })
    try {
      await use(host)
    } finally {
      await host.close()
    }
  },
  desk: async ({ page, host }, use) => {
    const desk = new Desk(page)
    await desk.open(host.loginUrl())
    await use(desk)
  },
  api: async ({ host }, use) => {
    await use(PortalApi.of(host))
  }
})

type Mailbox = Awaited<ReturnType<typeof startSmtpServer>>

/** Waits until the mailbox holds a message to `to` and returns the newest one. */
export async function mailTo(mailbox: Mailbox, to: string): Promise<ReceivedMail> {
  await expect.poll(() => mailbox.received.filter((mail) => mail.to.includes(to.toLowerCase()) || mail.to.includes(to)).length, { timeout: 15_000 }).toBeGreaterThan(0)
  const mails = mailbox.received.filter((mail) => mail.to.includes(to.toLowerCase()) || mail.to.includes(to))
  return mails[mails.length - 1] as ReceivedMail
}
