// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import type { UserDetail } from '../../../src/shared/users'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'
import { portalUser } from './user-form-fixtures'

afterEach(cleanup)
// The General tab is a whole form: on a busy machine it takes longer than Testing Library's 1 s default to appear.

function openUser(user: UserDetail, operator: typeof admin | { id: number; login: string; name: string; role: 'support' } = admin) {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator }))
  desk.users.get.mockResolvedValue(user)
  const view = renderApp(desk, { path: `/users/${user.id}` })
  return { desk, ...view }
}

function input(name: string): HTMLInputElement {
  const element = document.querySelector<HTMLInputElement>(`input[data-testid="user-form-${name}"]`)
  if (!element) throw new Error(`no input ${name}`)
  return element
}

function type(name: string, value: string) {
  fireEvent.change(input(name), { target: { value } })
}

function fieldError(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const error = document.querySelector<HTMLElement>(`[data-field="${name}"] .ant-form-item-explain-error`)
    if (!error) throw new Error(`no error on ${name}`)
    return error
  })
}

async function formState(state: string) {
  await waitFor(() => expect(screen.getByTestId('user-form').getAttribute('data-state')).toBe(state))
}

describe('the General tab form', () => {
  it('checks fields as they are typed, sends nothing while one is wrong, then saves only the changes with the version', async () => {
    const user = portalUser()
    const { desk } = openUser(user)
    await screen.findByTestId('user-form')
    expect(screen.getByTestId('save-user')).toHaveProperty('disabled', true)

    type('phone', '0800-CALL-NOW')
    expect((await fieldError('phone')).textContent).toBe('Not a valid phone number: use digits, spaces and + ( ) . - / only.')
    await formState('dirty')
    fireEvent.click(screen.getByTestId('save-user'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(desk.users.update).not.toHaveBeenCalled()

    type('phone', '+86 21 6666 0000')
    type('city', 'Suzhou')
    fireEvent.click(screen.getByTestId('user-form-add-email'))
    await waitFor(() => expect(document.querySelector('input[data-testid="user-form-emails-1"]')).not.toBeNull())
    type('emails-1', 'wei@work.example')
    const saved = { ...user, version: 8, phone: '+86 21 6666 0000', city: 'Suzhou', emails: ['wei@backup.example', 'wei@work.example'] }
    desk.users.update.mockResolvedValue(saved)
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })

    await waitFor(() =>
      expect(desk.users.update).toHaveBeenCalledWith({
        id: 42,
        patch: { phone: '+86 21 6666 0000', city: 'Suzhou', emails: ['wei@backup.example', 'wei@work.example'], version: 7 },
        audit: undefined
      })
    )
    await formState('clean')
    expect(screen.getByTestId('user-form').getAttribute('data-version')).toBe('8')
    expect((await screen.findByTestId('action-notice')).textContent).toContain('The changes to Dr. Wei Li were saved.')
  })

  it('confirms a new username, and puts the server’s refusal on the field, keeping what was typed', async () => {
    const { desk } = openUser(portalUser())
    await screen.findByTestId('user-form')
    type('login', 'taken.name')
    desk.users.update.mockRejectedValue(new DeskError('CONFLICT', 'Another record already uses this login.', [{ path: 'login', message: 'Another record already uses this login.', reason: 'loginTaken' }]))
    fireEvent.click(screen.getByTestId('save-user'))

    const [dialog] = await screen.findAllByTestId('save-confirmation')
    if (!dialog) throw new Error('no confirmation')
    expect(dialog.textContent).toContain('The username changes from li.wei to taken.name')
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    expect((await fieldError('login')).textContent).toBe('Another user already has this username.')
    expect(input('login').value).toBe('taken.name')
    expect(screen.getByTestId('user-form-error').textContent).toContain('The changes were not saved.')
  })

  it('shows a 409 conflict with what changed on the server, and re-applies the edit on the new version', async () => {
    const user = portalUser()
    const { desk } = openUser(user)
    await screen.findByTestId('user-form')
    type('city', 'Hangzhou')
    desk.users.update.mockRejectedValueOnce(new DeskError('CONFLICT', 'stale', { currentVersion: 8 }))
    const server = { ...user, version: 8, phone: '+1 555 0100', name: 'Dr. Wei Li' }
    desk.users.get.mockResolvedValue(server)
    fireEvent.click(screen.getByTestId('save-user'))

    const panel = await screen.findByTestId('conflict-panel')
    const row = panel.querySelector('[data-field="phone"]')
    expect(row?.textContent).toContain('+86 21 5555 0000')
    expect(row?.textContent).toContain('+1 555 0100')
    expect(row?.textContent).toContain('(not edited by you)')
    await formState('conflict')

    desk.users.update.mockResolvedValueOnce({ ...server, version: 9, city: 'Hangzhou' })
    fireEvent.click(within(panel).getByTestId('conflict-reapply'))
    await waitFor(() => expect(desk.users.update).toHaveBeenLastCalledWith({ id: 42, patch: { city: 'Hangzhou', version: 8 }, audit: undefined }))
    await formState('clean')
    expect(input('phone').value).toBe('+1 555 0100')
    expect(input('city').value).toBe('Hangzhou')
  })

  it('Reload drops the edit and shows the server’s record', async () => {
    const user = portalUser()
    const { desk } = openUser(user)
    await screen.findByTestId('user-form')
    type('city', 'Hangzhou')
    desk.users.update.mockRejectedValueOnce(new DeskError('CONFLICT', 'stale', { currentVersion: 8 }))
    desk.users.get.mockResolvedValue({ ...user, version: 8, city: 'Suzhou' })
    fireEvent.click(screen.getByTestId('save-user'))

    const panel = await screen.findByTestId('conflict-panel')
    expect(screen.getByTestId('conflict-overlap').textContent).toContain('City')
    fireEvent.click(within(panel).getByTestId('conflict-reload'))
    await formState('clean')
    expect(input('city').value).toBe('Suzhou')
    expect(desk.users.update).toHaveBeenCalledTimes(1)
  })

  it('asks before leaving with unsaved changes, also for another tab: Stay keeps the edit, Discard leaves', async () => {
    const { desk, router } = openUser(portalUser())
    desk.users.audit.mockResolvedValue({ items: [], nextCursor: null })
    desk.users.signIns.mockResolvedValue({ items: [], recentFailures: { count: 0, since: null } })
    await screen.findByTestId('user-form')
    type('firstName', 'Wendy')

    fireEvent.click(screen.getByRole('tab', { name: 'Activity' }))
    const modal = await screen.findByText('Discard changes?')
    expect(modal).toBeTruthy()
    fireEvent.click(screen.getAllByTestId('unsaved-stay')[0] as HTMLElement)
    await waitFor(() => expect(router.state.blockers.values().next().value?.state).toBe('unblocked'))
    expect(router.state.location.pathname).toBe('/users/42')
    expect(input('firstName').value).toBe('Wendy')

    fireEvent.click(screen.getByTestId('back-to-users'))
    await screen.findByText('Discard changes?')
    fireEvent.click(screen.getAllByTestId('unsaved-discard')[0] as HTMLElement)
    await waitFor(() => expect(router.state.location.pathname).toBe('/users'))
  })

  it('shows the country lock with its reason, and an administrator unlocks it with a reason that goes with the save', async () => {
    const user = portalUser({ documentLocked: true })
    const { desk } = openUser(user)
    await screen.findByTestId('user-form')
    const lock = screen.getByTestId('document-lock')
    expect(lock.textContent).toContain('Invoices or orders were already issued for this company')
    expect(input('companyName').disabled).toBe(true)
    expect(input('vat').disabled).toBe(true)
    expect(document.querySelector('[data-testid="user-form-country"]')?.className).toContain('disabled')

    fireEvent.click(screen.getByTestId('unlock-document-lock'))
    const [dialog] = await screen.findAllByTestId('unlock-dialog')
    if (!dialog) throw new Error('no unlock dialog')
    fireEvent.click(within(dialog).getByTestId('action-confirm'))
    expect((await within(dialog).findByText('Give the reason for unlocking (it is recorded in the audit log).')).textContent).toBeTruthy()
    fireEvent.change(within(dialog).getByTestId('unlock-reason'), { target: { value: 'Company moved to Germany' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    await waitFor(() => expect(screen.getByTestId('document-lock').getAttribute('data-state')).toBe('unlocked'))
    expect(input('vat').disabled).toBe(false)
    type('vat', 'DE811234567')
    desk.users.update.mockResolvedValue({ ...user, version: 8, vat: 'DE811234567' })
    fireEvent.click(screen.getByTestId('save-user'))
    await waitFor(() =>
      expect(desk.users.update).toHaveBeenCalledWith({ id: 42, patch: { vat: 'DE811234567', version: 7 }, audit: { reason: 'Company moved to Germany' } })
    )
    await waitFor(() => expect(screen.getByTestId('document-lock').getAttribute('data-state')).toBe('locked'))
  })

  it('is read-only for a support agent', async () => {
    openUser(portalUser(), { id: 2, login: 'support', name: 'Sam Support', role: 'support' })
    await screen.findByTestId('user-form')
    expect(screen.getByTestId('user-form-read-only').textContent).toContain('Only administrators can change users')
    expect(input('firstName').disabled).toBe(true)
    expect(screen.queryByTestId('save-user')).toBeNull()
  })

  it('says in words why a chosen avatar file cannot be used, and sends nothing', async () => {
    const { desk } = openUser(portalUser())
    await screen.findByTestId('user-form')
    const file = new File(['GIF89a'], 'face.gif', { type: 'image/gif' })
    fireEvent.change(screen.getByTestId('avatar-input'), { target: { files: [file] } })
    expect((await screen.findByTestId('avatar-error')).textContent).toBe('Choose a PNG, JPEG or WebP image.')
    expect(screen.getByTestId('save-user')).toHaveProperty('disabled', true)
    expect(desk.users.setAvatar).not.toHaveBeenCalled()
  })
})
