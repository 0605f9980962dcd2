// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const production = { id: 'prod', kind: 'remote', name: 'Production', url: 'https://portal.example.com', colour: 'red' } as const

describe('the colour of a connection', () => {
  it('is chosen when adding a remote portal and sent with it', async () => {
    const desk = fakeDesk()
    desk.connections.add.mockResolvedValue(production)
    desk.connections.select.mockResolvedValue(sessionState({ connections: [...sessionState().connections, production], activeConnectionId: 'prod' }))
    renderApp(desk)
    fireEvent.click(await screen.findByTestId('add-connection'))
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Production' } })
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'https://portal.example.com' } })
    fireEvent.click(screen.getByRole('radio', { name: 'Red' }))
    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }))
    await waitFor(() => expect(desk.connections.add).toHaveBeenCalledWith({ name: 'Production', url: 'https://portal.example.com', colour: 'red' }))
    // The picker shows each portal's colour beside its name.
    await waitFor(() => expect(document.querySelector('[data-connection-id="prod"] .connection-colour-dot')?.getAttribute('data-colour')).toBe('red'))
  })

  it('marks the header while the connection is active, and an old profile without colour shows the default', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin, connections: [production], activeConnectionId: 'prod' }))
    const view = renderApp(desk)
    const badge = await screen.findByTestId('active-connection')
    expect(badge.getAttribute('data-colour')).toBe('red')
    expect(badge.textContent).toContain('Production')
    expect(document.querySelector('header.app-header')?.classList.contains('connection-colour--red')).toBe(true)
    view.unmount()

    const old = { id: 'old', kind: 'remote', name: 'Staging', url: 'https://staging.example.com' } as const
    desk.session.state.mockResolvedValue(sessionState({ operator: admin, connections: [old], activeConnectionId: 'old' }))
    renderApp(desk)
    expect((await screen.findByTestId('active-connection')).getAttribute('data-colour')).toBe('grey')
  })
})
