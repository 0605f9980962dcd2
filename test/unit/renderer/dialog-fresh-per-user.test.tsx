// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CompanyDetail } from '../../../src/shared/companies'
import { DeskError } from '../../../src/shared/errors'
import { securityDesk, securityUser } from './security-fixtures'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'
import { portalUser } from './user-form-fixtures'

// Each opening of a dialog starts from the user it was opened for: nothing typed, chosen, refused or
// busy for one user shows for the next. jsdom runs no CSS animations, so a closed dialog stays in the
// DOM "leaving": every reopening in these tests happens before the close animation ended.

afterEach(cleanup)

const company: CompanyDetail = {
  id: 3,
  name: 'Northwind Traders Ltd',
  vat: null,
  country: 'GB',
  userCount: 3,
  documentLocked: false,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  documents: { invoices: 0, orders: 0 },
  websites: [],
  users: [
    { id: 11, name: 'Ann Active', username: 'ann', website: null, status: 'active' },
    { id: 14, name: 'Bob Active', username: 'bob', website: null, status: 'active' },
    { id: 12, name: 'Archie Archived', username: 'archie', website: null, status: 'archived' }
  ]
}

const details = {
  11: securityUser({ id: 11, login: 'ann', name: 'Ann Active', email: 'ann@example.com', version: 3 }),
  14: securityUser({ id: 14, login: 'bob', name: 'Bob Active', email: 'bob@example.com', version: 5 }),
  12: securityUser({ id: 12, login: 'archie', name: 'Archie Archived', email: 'archie@example.com', active: false, version: 2 })
} as const

function companyDesk() {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  desk.companies.get.mockResolvedValue(company)
  desk.users.get.mockImplementation(({ id }) => Promise.resolve(details[id as keyof typeof details]))
  return desk
}

/** The body of the one dialog `testId` that is open (not leaving). */
function openBody(testId: string): Promise<HTMLElement> {
  return waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"][data-step]`)].filter(
      (body) => !body.closest('.ant-modal')?.classList.contains('ant-zoom-leave') && body.closest('.ant-modal-wrap')?.getAttribute('style')?.includes('display: none') !== true
    )
    if (open.length !== 1) throw new Error(`${open.length} open ${testId} dialogs`)
    return open[0] as HTMLElement
  })
}

/** Waits until no `testId` dialog is open any more (it may still be leaving). */
async function closed(testId: string) {
  await waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"][data-step]`)].filter((body) => !body.closest('.ant-modal')?.classList.contains('ant-zoom-leave'))
    if (open.length > 0) throw new Error(`the ${testId} dialog is still open`)
  })
}

const rowOf = (userId: number) => {
  const row = document.querySelector<HTMLElement>(`[data-testid="company-user-row"][data-user-id="${userId}"]`)
  if (!row) throw new Error(`no row for user ${userId}`)
  return row
}

async function companyShown() {
  await waitFor(() => expect(document.querySelector('[data-testid="company-page"][data-state="ready"]')).not.toBeNull())
}

const inputIn = (body: HTMLElement, testId: string) => within(body).getByTestId<HTMLInputElement>(testId)
const checkboxIn = (body: HTMLElement, testId: string) => body.querySelector<HTMLInputElement>(`[data-testid="${testId}"] input[type="checkbox"], input[type="checkbox"][data-testid="${testId}"]`) as HTMLInputElement
const radio = (body: HTMLElement, name: RegExp) => within(body).getByRole<HTMLInputElement>('radio', { name })

async function openEdit(userId: number): Promise<HTMLElement> {
  fireEvent.click(within(rowOf(userId)).getByTestId('company-user-edit'))
  const body = await openBody('edit-credentials-dialog')
  // The user's record is read for the version a rename is sent with.
  await waitFor(() => expect(desk().users.get).toHaveBeenCalledWith({ id: userId }))
  return body
}

let current: ReturnType<typeof companyDesk> | null = null
const desk = () => {
  if (!current) throw new Error('no desk')
  return current
}

async function companyPage() {
  current = companyDesk()
  renderApp(current, { path: '/companies/3' })
  await companyShown()
  return current
}

/** Ann's Edit, touched everywhere: another username, a password, both boxes unticked, a ticket and a reason. */
function scribbleOnEdit(body: HTMLElement) {
  fireEvent.change(inputIn(body, 'edit-credentials-login'), { target: { value: 'ann.renamed' } })
  fireEvent.change(inputIn(body, 'edit-credentials-password-input'), { target: { value: 'Quartz-ann-Meadow-7429-Lantern!' } })
  fireEvent.click(checkboxIn(body, 'edit-credentials-must-change'))
  fireEvent.click(checkboxIn(body, 'edit-credentials-notify'))
  fireEvent.change(inputIn(body, 'action-ticket'), { target: { value: 'HD-11' } })
  fireEvent.change(inputIn(body, 'action-reason'), { target: { value: 'Ann forgot' } })
}

function expectFreshEdit(body: HTMLElement, user: { name: string; username: string }) {
  expect(within(body).getByTestId('action-target').textContent).toContain(`${user.name} (${user.username})`)
  expect(inputIn(body, 'edit-credentials-login').value).toBe(user.username)
  expect(inputIn(body, 'edit-credentials-password-input').value).toBe('')
  expect(checkboxIn(body, 'edit-credentials-must-change').checked).toBe(true)
  expect(checkboxIn(body, 'edit-credentials-notify').checked).toBe(true)
  expect(inputIn(body, 'action-ticket').value).toBe('')
  expect(inputIn(body, 'action-reason').value).toBe('')
  expect(within(body).queryByTestId('action-error')).toBeNull()
  expect(body.getAttribute('data-step')).toBe('form')
  expect(body.getAttribute('data-busy')).toBe('false')
}

describe('the company Users tab: Edit starts from the user it was opened for', () => {
  it('Edit on Bob right after a cancelled Edit on Ann shows Bob’s username, and back again', async () => {
    await companyPage()
    const ann = await openEdit(11)
    expectFreshEdit(ann, { name: 'Ann Active', username: 'ann' })
    scribbleOnEdit(ann)
    fireEvent.click(within(ann).getByTestId('action-cancel'))
    await closed('edit-credentials-dialog')

    expectFreshEdit(await openEdit(14), { name: 'Bob Active', username: 'bob' })
    const bob = await openBody('edit-credentials-dialog')
    fireEvent.change(inputIn(bob, 'edit-credentials-login'), { target: { value: 'bobby' } })
    fireEvent.click(within(bob).getByTestId('action-cancel'))
    await closed('edit-credentials-dialog')

    expectFreshEdit(await openEdit(11), { name: 'Ann Active', username: 'ann' })
  })

  it('after a confirmed Edit on Ann (renamed, after re-authenticating), Edit on Bob sends Bob’s rename with Bob’s version', async () => {
    const desk = await companyPage()
    desk.users.update.mockRejectedValueOnce(new DeskError('REAUTH_REQUIRED'))
    desk.auth.reauth.mockResolvedValue(undefined as never)
    desk.users.update.mockImplementation(({ id, patch }) => Promise.resolve({ ...details[id as keyof typeof details], login: patch.login ?? '', version: (patch.version ?? 0) + 1 }))
    desk.security.setPassword.mockResolvedValue(undefined as never)

    const ann = await openEdit(11)
    scribbleOnEdit(ann)
    fireEvent.click(within(ann).getByTestId('action-confirm'))
    await waitFor(() => expect(ann.getAttribute('data-step')).toBe('reauth'))
    fireEvent.change(within(ann).getByTestId('reauth-password'), { target: { value: 'operator-password' } })
    fireEvent.click(within(ann).getByTestId('reauth-confirm'))
    await waitFor(() => expect(desk.security.setPassword).toHaveBeenCalledTimes(1))
    await closed('edit-credentials-dialog')
    expect(desk.users.update).toHaveBeenLastCalledWith({ id: 11, patch: { login: 'ann.renamed', version: 3 }, audit: { ticketRef: 'HD-11', reason: 'Ann forgot' } })

    // Opened at once, while Ann's dialog is still leaving.
    const bob = await openEdit(14)
    expectFreshEdit(bob, { name: 'Bob Active', username: 'bob' })
    fireEvent.change(inputIn(bob, 'edit-credentials-login'), { target: { value: 'bob.renamed' } })
    fireEvent.change(inputIn(bob, 'edit-credentials-password-input'), { target: { value: 'Quartz-bob-Meadow-7429-Lantern!' } })
    fireEvent.click(within(bob).getByTestId('action-confirm'))
    await waitFor(() => expect(desk.security.setPassword).toHaveBeenCalledTimes(2))
    // Bob is renamed from Bob's own version (Ann's rename is not taken for his), with no ticket of Ann's.
    expect(desk.users.update).toHaveBeenLastCalledWith({ id: 14, patch: { login: 'bob.renamed', version: 5 }, audit: {} })
    expect(desk.security.setPassword).toHaveBeenLastCalledWith({ id: 14, password: 'Quartz-bob-Meadow-7429-Lantern!', mustChange: true, notify: true, audit: {} })
    await closed('edit-credentials-dialog')

    expectFreshEdit(await openEdit(11), { name: 'Ann Active', username: 'ann' })
  })

  it('a refusal or a pending re-authentication for Ann does not show on Bob’s dialog', async () => {
    const desk = await companyPage()
    desk.security.setPassword.mockRejectedValueOnce(new DeskError('UNAVAILABLE')).mockRejectedValueOnce(new DeskError('REAUTH_REQUIRED'))

    const ann = await openEdit(11)
    fireEvent.change(inputIn(ann, 'edit-credentials-password-input'), { target: { value: 'Quartz-ann-Meadow-7429-Lantern!' } })
    fireEvent.click(within(ann).getByTestId('action-confirm'))
    await within(ann).findByTestId('action-error')
    fireEvent.click(within(ann).getByTestId('action-cancel'))
    await closed('edit-credentials-dialog')
    expectFreshEdit(await openEdit(14), { name: 'Bob Active', username: 'bob' })

    const bob = await openBody('edit-credentials-dialog')
    fireEvent.change(inputIn(bob, 'edit-credentials-password-input'), { target: { value: 'Quartz-bob-Meadow-7429-Lantern!' } })
    fireEvent.click(within(bob).getByTestId('action-confirm'))
    await waitFor(() => expect(bob.getAttribute('data-step')).toBe('reauth'))
    fireEvent.click(within(bob).getByTestId('action-cancel'))
    await closed('edit-credentials-dialog')
    expectFreshEdit(await openEdit(11), { name: 'Ann Active', username: 'ann' })
  })
})

describe('the company Users tab: Delete starts from the user it was opened for', () => {
  async function openStop(userId: number): Promise<HTMLElement> {
    fireEvent.click(within(rowOf(userId)).getByTestId('company-user-delete'))
    return openBody('stop-access-dialog')
  }

  function expectRevokeChosen(body: HTMLElement, name: string) {
    expect(within(body).getByTestId('action-target').textContent).toContain(name)
    expect(radio(body, /Revoke portal access/).checked).toBe(true)
    expect(radio(body, /Delete account/).checked).toBe(false)
    expect(within(body).queryByTestId('action-confirmation')).toBeNull()
    expect(within(body).getByTestId('action-consequence').querySelector('[data-mode]')?.getAttribute('data-mode')).toBe('revoke')
    expect(inputIn(body, 'action-ticket').value).toBe('')
    expect(body.getAttribute('data-busy')).toBe('false')
  }

  it('after deleting an archived user, Delete on an active user preselects Revoke, not the permanent Delete account', async () => {
    const desk = await companyPage()
    desk.users.delete.mockResolvedValue(undefined as never)

    const archie = await openStop(12)
    expect(radio(archie, /Delete account/).checked).toBe(true)
    fireEvent.click(checkboxIn(archie, 'stop-access-blocklist'))
    fireEvent.change(inputIn(archie, 'action-confirmation'), { target: { value: 'archie' } })
    fireEvent.change(inputIn(archie, 'action-ticket'), { target: { value: 'HD-12' } })
    fireEvent.click(within(archie).getByTestId('action-confirm'))
    await waitFor(() => expect(desk.users.delete).toHaveBeenCalledWith({ id: 12, blocklist: false, audit: { ticketRef: 'HD-12' } }))
    await closed('stop-access-dialog')

    expectRevokeChosen(await openStop(11), 'Ann Active (ann)')
  })

  it('a cancelled Delete account on Ann leaves Bob, and Ann again, with Revoke chosen and nothing typed', async () => {
    await companyPage()
    const ann = await openStop(11)
    expectRevokeChosen(ann, 'Ann Active (ann)')
    fireEvent.click(radio(ann, /Delete account/))
    await waitFor(() => expect(within(ann).getByTestId('action-confirmation')).toBeTruthy())
    fireEvent.click(checkboxIn(ann, 'stop-access-blocklist'))
    fireEvent.change(inputIn(ann, 'action-confirmation'), { target: { value: 'ann' } })
    fireEvent.click(within(ann).getByTestId('action-cancel'))
    await closed('stop-access-dialog')

    expectRevokeChosen(await openStop(14), 'Bob Active (bob)')
    const bob = await openBody('stop-access-dialog')
    fireEvent.click(radio(bob, /Delete account/))
    // Bob's permanent choice starts with the block list ticked and nothing typed.
    await waitFor(() => expect(checkboxIn(bob, 'stop-access-blocklist').checked).toBe(true))
    expect(inputIn(bob, 'action-confirmation').value).toBe('')
    fireEvent.click(within(bob).getByTestId('action-cancel'))
    await closed('stop-access-dialog')

    expectRevokeChosen(await openStop(11), 'Ann Active (ann)')
  })
})

describe('the Security tab: a dialog opened for another user shows only that user', () => {
  it('Change password for Li Wei, then for Zhang San after navigating to his page', async () => {
    const li = securityUser()
    const zhang = securityUser({ id: 43, login: 'zhang.san', name: 'Zhang San', email: null })
    const desk = securityDesk(li)
    desk.users.get.mockImplementation(({ id }) => Promise.resolve(id === 43 ? zhang : li))
    const { router } = renderApp(desk, { path: '/users/42/security' })

    fireEvent.click(await screen.findByTestId('change-password'))
    const first = await openBody('change-password-dialog')
    expect(within(first).getByTestId('change-password-login').textContent).toBe('li.wei')
    fireEvent.click(checkboxIn(first, 'change-password-must-change'))
    fireEvent.change(inputIn(first, 'action-ticket'), { target: { value: 'HD-42' } })
    fireEvent.click(within(first).getByTestId('action-cancel'))
    await closed('change-password-dialog')

    // The same button again, for the same user, before the close animation ended: a fresh dialog.
    fireEvent.click(screen.getByTestId('change-password'))
    const again = await openBody('change-password-dialog')
    expect(checkboxIn(again, 'change-password-must-change').checked).toBe(true)
    expect(inputIn(again, 'action-ticket').value).toBe('')
    fireEvent.click(within(again).getByTestId('action-cancel'))
    await closed('change-password-dialog')

    await router.navigate('/users/43/security')
    await waitFor(() => expect(document.querySelector('[data-testid="user-detail"][data-state="ready"]')?.textContent).toContain('Zhang San'))
    fireEvent.click(await screen.findByTestId('change-password'))
    const second = await openBody('change-password-dialog')
    expect(within(second).getByTestId('change-password-login').textContent).toBe('zhang.san')
    expect(checkboxIn(second, 'change-password-must-change').checked).toBe(true)
    // Zhang San has no email: no notification is offered, whatever Li Wei's dialog had.
    expect(checkboxIn(second, 'change-password-notify').checked).toBe(false)
    expect(inputIn(second, 'action-ticket').value).toBe('')
  })
})

describe('the user form', () => {
  it('an unsaved edit on A’s page does not follow to B’s page: B’s values show, not dirty', async () => {
    const a = portalUser()
    const b = portalUser({ id: 43, login: 'zhang.san', firstName: 'San', lastName: 'Zhang', name: 'Zhang San', version: 9 })
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    desk.users.get.mockImplementation(({ id }) => Promise.resolve(id === 43 ? b : a))
    const { router } = renderApp(desk, { path: `/users/${a.id}` })
    await screen.findByTestId('user-form')
    const firstName = () => document.querySelector<HTMLInputElement>('input[data-testid="user-form-firstName"]')
    fireEvent.change(firstName() as HTMLInputElement, { target: { value: 'Wendy' } })
    await waitFor(() => expect(screen.getByTestId('user-form').getAttribute('data-state')).toBe('dirty'))

    // As the command palette does: straight to another user's page. Leaving asks first; Discard goes.
    void router.navigate(`/users/${b.id}`)
    await screen.findByText('Discard changes?')
    fireEvent.click(screen.getAllByTestId('unsaved-discard')[0] as HTMLElement)
    await waitFor(() => expect(router.state.location.pathname).toBe(`/users/${b.id}`))
    await waitFor(() => expect(screen.getByTestId('user-form').getAttribute('data-version')).toBe('9'))
    expect(firstName()?.value).toBe('San')
    expect(screen.getByTestId('user-form').getAttribute('data-state')).toBe('clean')
  })
})

describe('one action per confirmation, however often Enter is pressed', () => {
  it('a second Enter while the dialog is busy neither re-authenticates nor renames twice', async () => {
    const desk = await companyPage()
    let answerReauth: () => void = () => undefined
    desk.auth.reauth.mockImplementation(() => new Promise((resolve) => (answerReauth = () => resolve(undefined as never))))
    desk.users.update.mockRejectedValueOnce(new DeskError('REAUTH_REQUIRED'))
    desk.users.update.mockImplementation(({ id, patch }) => Promise.resolve({ ...details[id as keyof typeof details], login: patch.login ?? '', version: (patch.version ?? 0) + 1 }))
    desk.security.setPassword.mockResolvedValue(undefined as never)

    const bob = await openEdit(14)
    fireEvent.change(inputIn(bob, 'edit-credentials-login'), { target: { value: 'bob.renamed' } })
    fireEvent.change(inputIn(bob, 'edit-credentials-password-input'), { target: { value: 'Quartz-bob-Meadow-7429-Lantern!' } })
    const form = inputIn(bob, 'edit-credentials-login').closest('form') as HTMLFormElement
    fireEvent.submit(form)
    fireEvent.submit(form)
    await waitFor(() => expect(bob.getAttribute('data-step')).toBe('reauth'))
    expect(desk.users.update).toHaveBeenCalledTimes(1)

    const password = within(bob).getByTestId('reauth-password')
    fireEvent.change(password, { target: { value: 'operator-password' } })
    fireEvent.submit(password.closest('form') as HTMLFormElement)
    await waitFor(() => expect(desk.auth.reauth).toHaveBeenCalledTimes(1))
    // Enter again while the server has not answered yet.
    fireEvent.submit(password.closest('form') as HTMLFormElement)
    await new Promise((resolve) => setTimeout(resolve, 100))
    answerReauth()
    await waitFor(() => expect(desk.security.setPassword).toHaveBeenCalledTimes(1))
    await closed('edit-credentials-dialog')
    expect(desk.auth.reauth).toHaveBeenCalledTimes(1)
    expect(desk.users.update).toHaveBeenCalledTimes(2)
    expect(desk.security.setPassword).toHaveBeenCalledTimes(1)
  })
})

describe('dialogs whose own choice depends on the opening', () => {
  it('Archive, confirmed, reopens as Restore for the archived user; it keeps its words while closing', async () => {
    const li = securityUser({ version: 4 })
    const desk = securityDesk(li)
    const archived = { ...li, active: false, version: 5 }
    desk.users.archive.mockResolvedValue(archived)
    renderApp(desk, { path: '/users/42/security' })

    fireEvent.click(await screen.findByTestId('archive-restore'))
    const archive = await openBody('archive-dialog')
    fireEvent.change(inputIn(archive, 'action-ticket'), { target: { value: 'HD-42' } })
    desk.users.get.mockResolvedValue(archived)
    fireEvent.click(within(archive).getByTestId('action-confirm'))
    await waitFor(() => expect(desk.users.archive).toHaveBeenCalledWith({ id: 42, version: 4, audit: { ticketRef: 'HD-42' } }))
    await closed('archive-dialog')
    // The closing dialog still says Archive: the user's new state does not rewrite it mid-animation.
    expect(document.querySelector('[data-testid="archive-dialog"][data-step]')).not.toBeNull()

    await waitFor(() => expect(screen.getByTestId('archive-restore').textContent).toContain('Restore'))
    fireEvent.click(screen.getByTestId('archive-restore'))
    const restore = await openBody('restore-dialog')
    expect(inputIn(restore, 'action-ticket').value).toBe('')
    expect(restore.getAttribute('data-busy')).toBe('false')
  })

  it('New portal user: an invitation chosen and cancelled does not come back on the next opening', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    desk.users.list.mockResolvedValue({ items: [], nextCursor: null, total: 0 } as never)
    renderApp(desk, { path: '/users' })

    fireEvent.click(await screen.findByTestId('new-portal-user'))
    const first = await openBody('new-portal-user-dialog')
    fireEvent.change(inputIn(first, 'new-user-first-name'), { target: { value: 'Katherine' } })
    fireEvent.click(within(first).getByTestId('new-user-invite'))
    await within(first).findByTestId('new-user-invite-hint')
    expect(within(first).getByTestId('action-consequence').textContent).toContain('emails them an invitation')
    fireEvent.click(within(first).getByTestId('action-cancel'))
    await closed('new-portal-user-dialog')

    fireEvent.click(screen.getByTestId('new-portal-user'))
    const second = await openBody('new-portal-user-dialog')
    expect(inputIn(second, 'new-user-first-name').value).toBe('')
    expect(within(second).queryByTestId('new-user-invite-hint')).toBeNull()
    expect(within(second).getByTestId('action-consequence').textContent).toContain('with this username and password at once')
  })
})
