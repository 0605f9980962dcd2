// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { PersonMatch } from '../../../src/shared/helpdesk'
import { fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

function personNamed(id: number, name: string): PersonMatch {
  return {
    id,
    kind: 'portal',
    name,
    login: name.toLowerCase().replace(' ', '.'),
    company: null,
    website: null,
    maskedEmail: 'j***@example.com',
    maskedPhone: null,
    lastSignInAt: null,
    active: true,
    locked: false,
    lockedUntil: null,
    twoFactor: false,
    facts: { company: null, city: null, phoneLast4: null }
  }
}

function supportDesk(matches: PersonMatch[]) {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: { id: 2, login: 'support', name: 'Sam Support', role: 'support' } }))
  desk.helpdesk.findPeople.mockResolvedValue({ items: matches })
  return desk
}

describe('the Helpdesk opened from a link', () => {
  it('fills the ticket, runs the search and picks its one match, ready to send the code', async () => {
    const desk = supportDesk([personNamed(21, 'Jane Doe')])
    renderApp(desk, { path: '/helpdesk?ticket=ZD-1234&q=jane%40example.com' })
    expect(((await screen.findByTestId('helpdesk-ticket')) as HTMLInputElement).value).toBe('ZD-1234')
    expect((await screen.findByTestId('picked-person')).getAttribute('data-user-id')).toBe('21')
    expect(desk.helpdesk.findPeople).toHaveBeenCalledWith({ q: 'jane@example.com', limit: 10 })
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('send-code')))
  })

  it('lists several matches and leaves the choice to the agent', async () => {
    const desk = supportDesk([personNamed(21, 'Jane Doe'), personNamed(22, 'Jane Roe')])
    renderApp(desk, { path: '/helpdesk?ticket=ZD-1234&q=jane' })
    await waitFor(() => expect(screen.getByTestId('person-search').getAttribute('data-state')).toBe('ready'))
    expect(screen.getAllByTestId('person-option')).toHaveLength(2)
    expect(screen.queryByTestId('picked-person')).toBeNull()
  })

  it('does not pick by itself once the agent has typed over the link\'s search', async () => {
    const desk = supportDesk([personNamed(21, 'Jane Doe')])
    renderApp(desk, { path: '/helpdesk?ticket=ZD-1234&q=jane' })
    const input = await screen.findByTestId('person-search-input')
    // Typed before the link's search answered, then back to the same words: still the agent's choice.
    fireEvent.change(input, { target: { value: 'jane doe' } })
    fireEvent.change(input, { target: { value: 'jane' } })
    await waitFor(() => expect(screen.getByTestId('person-search').getAttribute('data-state')).toBe('ready'))
    expect(screen.getAllByTestId('person-option')).toHaveLength(1)
    expect(screen.queryByTestId('picked-person')).toBeNull()
  })

  it('a link it cannot read says why in words, and the Helpdesk starts empty', async () => {
    const desk = supportDesk([personNamed(21, 'Jane Doe')])
    renderApp(desk, { path: '/helpdesk?ticket=ZD-1&q=a&q=b' })
    expect((await screen.findByTestId('deep-link-refused')).getAttribute('data-reason')).toBe('repeatedParameter')
    expect(screen.getByText(/The link gives the same setting twice/)).toBeTruthy()
    expect((screen.getByTestId('helpdesk-ticket') as HTMLInputElement).value).toBe('')
    expect(desk.helpdesk.findPeople).not.toHaveBeenCalled()
  })

  it('an unknown route says there is no such page, in Chinese too', async () => {
    const desk = supportDesk([])
    renderApp(desk, { path: '/settings/../../etc', language: 'zh-CN' })
    expect((await screen.findByTestId('deep-link-refused')).getAttribute('data-reason')).toBe('unknownPlace')
    expect(screen.getByText('本工具中没有这个页面')).toBeTruthy()
  })
})
