// @vitest-environment jsdom
import './support/dom'
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { matchesText, paletteCommands, paletteScreens, userInView } from '../../../src/renderer/features/command-palette/palette-commands'
import { admin, fakeDesk, sessionState, userItem } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

function signedIn() {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  return desk
}

const pressCtrlK = () => act(() => void fireEvent.keyDown(window, { key: 'k', ctrlKey: true }))
const paletteInput = () => screen.getByTestId<HTMLInputElement>('command-palette-input')

describe('the command palette’s list', () => {
  it('matches every word typed, in any case', () => {
    expect(matchesText('Send password reset link', 'RESET link')).toBe(true)
    expect(matchesText('Send password reset link', 'reset 2fa')).toBe(false)
    expect(matchesText('Helpdesk', '')).toBe(true)
  })

  it('knows the user in view from the route', () => {
    expect(userInView('/users/42')).toBe(42)
    expect(userInView('/users/42/security')).toBe(42)
    expect(userInView('/users')).toBeNull()
    expect(userInView('/companies/3')).toBeNull()
  })

  it('lists actions, then screens, then users; no users before anything is typed', () => {
    const screens = paletteScreens.map((screen) => ({ screen, label: screen.key }))
    const actions = [{ action: 'sendResetLink' as const, label: 'Send password reset link' }]
    const users = [userItem(7)]
    expect(paletteCommands({ text: '', actions, screens, users }).map((command) => command.id)).toEqual(['action:sendResetLink', 'screen:users', 'screen:companies', 'screen:helpdesk', 'screen:account', 'screen:mailbox'])
    expect(paletteCommands({ text: 'user7', actions, screens, users }).map((command) => command.id)).toEqual(['user:7'])
  })
})

describe('the command palette', () => {
  it('opens with Ctrl+K, finds a user by part of the email, and Enter opens their page', async () => {
    const desk = signedIn()
    desk.users.list.mockResolvedValue({ items: [userItem(11, { name: 'Ann Active', email: 'ann@northwind.example' })], nextCursor: null, facets: { kind: { portal: 1, internal: 0 } } } as never)
    const { router } = renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    pressCtrlK()
    await screen.findByTestId('command-palette')
    expect(screen.getByRole('listbox', { name: 'Commands and users' })).toBeDefined()
    expect(screen.getByRole('dialog')).toBeDefined()
    fireEvent.change(paletteInput(), { target: { value: 'ann@north' } })
    await waitFor(() => expect(screen.getByTestId('command-palette').getAttribute('data-state')).toBe('ready'))
    expect(desk.users.list).toHaveBeenLastCalledWith({ kind: 'all', q: 'ann@north', limit: 8 })
    expect(screen.getAllByTestId('command-palette-item')[0]?.getAttribute('data-command')).toBe('user:11')
    fireEvent.keyDown(paletteInput(), { key: 'Enter' })
    await waitFor(() => expect(router.state.location.pathname).toBe('/users/11'))
    expect(screen.queryByTestId('command-palette')).toBeNull()
  })

  it('goes to a screen with the arrow keys, and Esc closes it with the focus back where it was', async () => {
    const desk = signedIn()
    const { router } = renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    const search = screen.getByTestId<HTMLInputElement>('person-search-input')
    search.focus()
    pressCtrlK()
    await screen.findByTestId('command-palette')
    fireEvent.keyDown(paletteInput(), { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('command-palette')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(search))

    pressCtrlK()
    await screen.findByTestId('command-palette')
    const items = () => screen.getAllByTestId('command-palette-item')
    expect(items().map((item) => item.getAttribute('data-command'))).toEqual(['screen:users', 'screen:companies', 'screen:helpdesk', 'screen:account'])
    fireEvent.keyDown(paletteInput(), { key: 'ArrowDown' })
    expect(items()[1]?.getAttribute('aria-selected')).toBe('true')
    desk.companies.list.mockResolvedValue({ items: [] } as never)
    fireEvent.keyDown(paletteInput(), { key: 'Enter' })
    await waitFor(() => expect(router.state.location.pathname).toBe('/companies'))
  })
})
