// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { keepFirstRunNotice } from '../../../src/renderer/app/session'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const remote = { id: 'r1', kind: 'remote', name: 'Head office', url: 'https://portal.example.com' } as const

async function openAddForm() {
  fireEvent.click(await screen.findByTestId('add-connection'))
  return screen.getByTestId('add-connection-form')
}

describe('connection screen', () => {
  it('explains a bad address as it is typed and never sends it', async () => {
    const desk = fakeDesk()
    renderApp(desk)
    await openAddForm()

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Branch' } })
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'ftp://portal.example.com' } })

    expect(await screen.findByText(/Enter a full address that starts with http:\/\/ or https:\/\//)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }))
    await waitFor(() => expect(screen.getAllByText(/Enter a full address/)).toHaveLength(1))
    expect(desk.connections.add).not.toHaveBeenCalled()
  })

  it('adds a remote portal and makes it the one to sign in to', async () => {
    const desk = fakeDesk()
    desk.connections.add.mockResolvedValue(remote)
    desk.connections.select.mockResolvedValue(sessionState({ connections: [...sessionState().connections, remote], activeConnectionId: 'r1' }))
    renderApp(desk)
    await openAddForm()

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Head office' } })
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'https://portal.example.com/' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }))

    await waitFor(() => expect(desk.connections.select).toHaveBeenCalledWith({ id: 'r1' }))
    expect(desk.connections.add).toHaveBeenCalledWith({ name: 'Head office', url: 'https://portal.example.com/' })
    const option = await screen.findByRole('radio', { name: /Head office/ })
    expect((option as HTMLInputElement).checked).toBe(true)
    await waitFor(() => expect(document.title).toBe('PortalDesk — Head office'))
  })

  it('starts the address at https:// and asks for an explicit choice before saving an http:// address to another computer', async () => {
    const desk = fakeDesk()
    const staging = { id: 's1', kind: 'remote', name: 'Staging', url: 'http://staging.example.com', allowUnencrypted: true } as const
    desk.connections.add.mockResolvedValue(staging)
    desk.connections.select.mockResolvedValue(sessionState({ connections: [...sessionState().connections, staging], activeConnectionId: 's1' }))
    renderApp(desk)
    await openAddForm()
    expect((screen.getByLabelText('Address') as HTMLInputElement).value).toBe('https://')
    expect(screen.queryByTestId('unencrypted-warning')).toBeNull()

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Staging' } })
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'http://staging.example.com' } })
    expect((await screen.findByTestId('unencrypted-warning')).textContent).toMatch(/not encrypted/)
    const allow = screen.getByRole('checkbox', { name: 'Allow unencrypted connection (testing only)' })

    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }))
    expect(await screen.findByText(/is saved only if you tick/)).toBeTruthy()
    expect(desk.connections.add).not.toHaveBeenCalled()

    fireEvent.click(allow)
    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }))
    await waitFor(() => expect(desk.connections.add).toHaveBeenCalledWith({ name: 'Staging', url: 'http://staging.example.com', allowUnencrypted: true }))
  })

  it('needs no choice for http:// on this computer', async () => {
    const desk = fakeDesk()
    desk.connections.add.mockResolvedValue(remote)
    renderApp(desk)
    await openAddForm()
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Dev' } })
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'http://localhost:3000' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }))
    await waitFor(() => expect(desk.connections.add).toHaveBeenCalledWith({ name: 'Dev', url: 'http://localhost:3000' }))
    expect(screen.queryByTestId('unencrypted-warning')).toBeNull()
  })

  it('explains why a saved http:// portal to another computer is not connected to', async () => {
    const desk = fakeDesk()
    const old = { id: 'o1', kind: 'remote', name: 'Old staging', url: 'http://staging.example.com' } as const
    desk.session.state.mockResolvedValue(sessionState({ connections: [old], activeConnectionId: 'o1' }))
    desk.session.signIn.mockRejectedValue(
      new DeskError('VALIDATION', 'not encrypted', [{ path: 'allowUnencrypted', message: 'not encrypted', reason: 'unencryptedNotAllowed' }])
    )
    renderApp(desk)
    expect((await screen.findByTestId('unencrypted-profile')).textContent).toMatch(/will not connect to it/)
    fireEvent.change(await screen.findByLabelText('Login'), { target: { value: 'admin' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } })
    fireEvent.click(screen.getByTestId('sign-in-submit'))
    await waitFor(() => expect(screen.getAllByText(/will not connect to it/).length).toBeGreaterThan(1))
  })

  it('says in words that the server cannot be reached when signing in to it', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ connections: [remote], activeConnectionId: 'r1' }))
    desk.session.signIn.mockRejectedValue(new DeskError('UNREACHABLE', 'connect ECONNREFUSED'))
    renderApp(desk)

    fireEvent.change(await screen.findByLabelText('Login'), { target: { value: 'admin' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } })
    fireEvent.click(screen.getByTestId('sign-in-submit'))

    const alert = await screen.findByTestId('sign-in-error')
    expect(alert.textContent).toContain('The portal server cannot be reached.')
    expect(alert.textContent).not.toContain('ECONNREFUSED')
  })

  it('warns that credentials stay in memory when the system has no encryption, and why the embedded portal failed', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(
      sessionState({ vault: { persistent: false, backend: 'basic_text' }, localPortal: { state: 'failed', error: 'Port 5432 is busy.' } })
    )
    renderApp(desk)

    expect((await screen.findByTestId('vault-memory-only')).textContent).toContain('Credentials are kept in memory only')
    const failed = screen.getByTestId('local-portal-failed')
    expect(failed.textContent).toContain('The local portal could not start')
    expect(failed.textContent).toContain('Port 5432 is busy.')
  })

  it('shows the first-run password once and dismisses it through main', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ firstRunNotice: { login: 'admin', password: 'Xk3-pq9-Lm2' } }))
    desk.session.dismissNotice.mockResolvedValue(sessionState())
    renderApp(desk)

    const notice = await screen.findByTestId('first-run-notice')
    expect(notice.textContent).toContain('Xk3-pq9-Lm2')
    fireEvent.click(screen.getByRole('button', { name: 'I have saved it' }))
    await waitFor(() => expect(screen.queryByTestId('first-run-notice')).toBeNull())
    expect(desk.session.dismissNotice).toHaveBeenCalledTimes(1)
  })
})

describe('keepFirstRunNotice', () => {
  const notice = { login: 'admin', password: 'Xk3-pq9-Lm2' }

  it('keeps the password main handed out once, through later answers without it', () => {
    const first = sessionState({ firstRunNotice: notice })
    expect(keepFirstRunNotice(first, sessionState()).firstRunNotice).toEqual(notice)
    expect(keepFirstRunNotice(first, sessionState({ operator: admin })).firstRunNotice).toEqual(notice)
    expect(keepFirstRunNotice(undefined, sessionState()).firstRunNotice).toBeNull()
  })

  it('drops it once someone other than the local administrator signs in', () => {
    const support = { id: 2, login: 'support', name: 'Sam Support', role: 'support' } as const
    expect(keepFirstRunNotice(sessionState({ firstRunNotice: notice }), sessionState({ operator: support })).firstRunNotice).toBeNull()
  })
})
