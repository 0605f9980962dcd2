// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { notifyInBackground, prepareBackgroundNotification, type NotificationWindow } from '../../../src/renderer/components/background-notification'
import { DeskError } from '../../../src/shared/errors'
import type { UserListPage } from '../../../src/shared/users'
import { admin, fakeDesk, sessionState, userItem } from './support/fake-desk'
import { renderApp } from './support/render-app'

/** Stands in for the web Notification API and keeps every notification shown. */
function fakeNotifications(permission: NotificationPermission) {
  const shown: { title: string; options?: NotificationOptions; onclick: (() => void) | null; close: ReturnType<typeof vi.fn> }[] = []
  const requestPermission = vi.fn(() => Promise.resolve<NotificationPermission>('granted'))
  const SystemNotification = Object.assign(
    function (this: unknown, title: string, options?: NotificationOptions) {
      const notification = { title, options, onclick: null, close: vi.fn() }
      shown.push(notification)
      return notification
    } as unknown as NonNullable<NotificationWindow['Notification']>,
    { permission, requestPermission }
  )
  return { SystemNotification, shown, requestPermission }
}

function fakeWindow(options: { focused: boolean; visibility?: DocumentVisibilityState; permission?: NotificationPermission }) {
  const notifications = fakeNotifications(options.permission ?? 'granted')
  const focus = vi.fn()
  const win: NotificationWindow = {
    document: { visibilityState: options.visibility ?? 'visible', hasFocus: () => options.focused },
    Notification: notifications.SystemNotification,
    focus
  }
  return { win, focus, ...notifications }
}

const message = { title: 'PortalDesk: CSV export finished', body: 'Exported 2 users to portal-users.csv.', tag: 'portaldesk-export' }

describe('background notification', () => {
  it('notifies when the window is not focused or is hidden, and not while the operator is looking', () => {
    const behind = fakeWindow({ focused: false })
    expect(notifyInBackground(message, behind.win)).toBe(true)
    expect(behind.shown.map(({ title, options }) => [title, options])).toEqual([[message.title, { body: message.body, tag: message.tag }]])

    const minimised = fakeWindow({ focused: true, visibility: 'hidden' })
    expect(notifyInBackground(message, minimised.win)).toBe(true)

    const inFront = fakeWindow({ focused: true })
    expect(notifyInBackground(message, inFront.win)).toBe(false)
    expect(inFront.shown).toEqual([])
  })

  it('shows nothing without the permission, or where there is no Notification API', () => {
    for (const permission of ['denied', 'default'] as const) {
      const refused = fakeWindow({ focused: false, permission })
      expect(notifyInBackground(message, refused.win)).toBe(false)
      expect(refused.shown).toEqual([])
    }
    expect(notifyInBackground(message, { document: { visibilityState: 'hidden', hasFocus: () => false }, focus: () => {} })).toBe(false)
  })

  it('brings the desk forward when clicked', () => {
    const behind = fakeWindow({ focused: false })
    notifyInBackground(message, behind.win)
    behind.shown[0]?.onclick?.()
    expect(behind.focus).toHaveBeenCalledOnce()
    expect(behind.shown[0]?.close).toHaveBeenCalledOnce()
  })

  it('asks for the permission when a job starts, only if it was never answered', () => {
    const unasked = fakeWindow({ focused: true, permission: 'default' })
    prepareBackgroundNotification(unasked.win)
    expect(unasked.requestPermission).toHaveBeenCalledOnce()
    for (const permission of ['granted', 'denied'] as const) {
      const answered = fakeWindow({ focused: true, permission })
      prepareBackgroundNotification(answered.win)
      expect(answered.requestPermission).not.toHaveBeenCalled()
    }
  })
})

describe('long jobs of the users grid', () => {
  Element.prototype.scrollTo ??= () => undefined
  let notifications: ReturnType<typeof fakeNotifications>
  let focused: boolean

  beforeEach(() => {
    notifications = fakeNotifications('granted')
    vi.stubGlobal('Notification', notifications.SystemNotification)
    focused = true
    vi.spyOn(document, 'hasFocus').mockImplementation(() => focused)
    Object.assign(URL, { createObjectURL: () => 'blob:users', revokeObjectURL: () => {} })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  })

  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  const page: UserListPage = {
    items: [userItem(21, { name: 'Ana Ok' }), userItem(22, { name: 'Ben NoMail', email: null }), userItem(23, { name: 'Cho Gone' })],
    nextCursor: null,
    facets: { kind: { portal: 3, internal: 0 } }
  }

  function desk() {
    const fake = fakeDesk()
    fake.session.state.mockResolvedValue(sessionState({ operator: admin }))
    fake.users.list.mockResolvedValue(page)
    return fake
  }

  /** The operator starts the job, then switches to another application before it ends. */
  async function exportCsv(options: { inBackground: boolean; language?: 'en' | 'zh-CN'; failing?: boolean }) {
    const fake = desk()
    renderApp(fake, { path: '/users', language: options.language })
    await screen.findByText('Ana Ok')
    let finish: (value: UserListPage) => void = () => {}
    let fail: (error: unknown) => void = () => {}
    fake.users.list.mockImplementationOnce(
      () =>
        new Promise<UserListPage>((resolve, reject) => {
          finish = resolve
          fail = reject
        })
    )
    fireEvent.click(screen.getByTestId('export-csv'))
    await waitFor(() => expect(screen.getByTestId('export-progress').dataset.state).toBe('running'))
    focused = !options.inBackground
    if (options.failing) fail(new DeskError('UNAVAILABLE'))
    else finish(page)
    // Done closes the dialog and enables the button again; a failure keeps the dialog open with the error.
    if (options.failing) await screen.findByTestId('export-error')
    else await waitFor(() => expect((screen.getByTestId('export-csv') as HTMLButtonElement).disabled).toBe(false))
  }

  it('says in a notification that an export ended while the desk was in the background', async () => {
    await exportCsv({ inBackground: true })
    await waitFor(() => expect(notifications.shown).toHaveLength(1))
    expect(notifications.shown[0]?.title).toBe('PortalDesk: CSV export finished')
    expect(notifications.shown[0]?.options?.body).toMatch(/^Exported 3 users to portal-users-\d{4}-\d{2}-\d{2}\.csv\.$/)
  })

  it('says nothing when the export ends while the operator is looking', async () => {
    await exportCsv({ inBackground: false })
    expect(notifications.shown).toEqual([])
  })

  it('says in the operator’s language that an export failed in the background', async () => {
    await exportCsv({ inBackground: true, failing: true, language: 'zh-CN' })
    await waitFor(() => expect(notifications.shown).toHaveLength(1))
    expect(notifications.shown[0]?.title).toBe('PortalDesk：CSV 导出失败')
    expect(notifications.shown[0]?.options?.body).toBe('导出在 0 个用户后中止，未保存任何文件。请打开 PortalDesk 重试。')
  })

  async function runBulkReset(options: { inBackground: boolean }) {
    const fake = desk()
    let release: () => void = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    fake.security.sendResetLink.mockImplementation(async ({ id }) => {
      await released
      if (id === 23) throw new DeskError('VALIDATION', 'archived', [{ path: 'active', message: 'archived' }])
      return {} as never
    })
    renderApp(fake, { path: '/users' })
    await screen.findByText('Ana Ok')
    for (const name of ['Ana Ok', 'Ben NoMail', 'Cho Gone']) fireEvent.click(screen.getByRole('checkbox', { name: `Select ${name}` }))
    fireEvent.click(screen.getByTestId('bulk-sendResetLink'))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByTestId('action-ticket'), { target: { value: 'HD-7' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))
    await waitFor(() => expect(screen.getByTestId('bulk-run').dataset.state).toBe('running'))
    focused = !options.inBackground
    release()
    await waitFor(() => expect(screen.getByTestId('bulk-run').dataset.state).toBe('finished'))
  }

  it('says in a notification what a bulk action did when it ended in the background', async () => {
    await runBulkReset({ inBackground: true })
    expect(notifications.shown.map(({ title, options }) => [title, options?.body])).toEqual([
      ['PortalDesk: Send password reset link finished', 'Finished. Sent: 1 · Skipped: 1 · Failed: 1']
    ])
    expect(screen.getByTestId('bulk-summary').textContent).toBe('Finished. Sent: 1 · Skipped: 1 · Failed: 1')
  })

  it('says nothing when a bulk action ends while the operator is looking', async () => {
    await runBulkReset({ inBackground: false })
    expect(notifications.shown).toEqual([])
  })
})
