// @vitest-environment jsdom
import './support/dom'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

function signedIn() {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  return desk
}

const resetLink = 'http://127.0.0.1:4100/reset-password?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde'

describe('the Local mailbox', () => {
  it('lists the emails and shows one in full, its link clickable and its text readable', async () => {
    const desk = signedIn()
    desk.mail.status.mockResolvedValue({ delivery: 'off', mailbox: true })
    desk.mail.mailbox.mockResolvedValue({ items: [{ id: '5', to: 'li.wei@example.com', subject: 'Reset your password', template: 'resetLink', createdAt: '2026-03-02T08:00:00.000Z', state: 'off' }] })
    desk.mail.message.mockResolvedValue({
      id: '5',
      to: 'li.wei@example.com',
      subject: 'Reset your password',
      template: 'resetLink',
      createdAt: '2026-03-02T08:00:00.000Z',
      state: 'off',
      reason: null,
      body: `Hello Li Wei,\n\nChoose a new password: ${resetLink}\n\nYour code: 123456`
    })
    const { router } = renderApp(desk, { path: '/mailbox' })
    const row = await screen.findByTestId('mailbox-row')
    expect(row.textContent).toContain('li.wei@example.com')
    expect(row.textContent).toContain('not sent (delivery off)')
    fireEvent.click(row)
    await waitFor(() => expect(router.state.location.search).toBe('?id=5'))
    const body = await screen.findByTestId('mailbox-body')
    expect(desk.mail.message).toHaveBeenCalledWith({ id: '5' })
    expect(body.textContent).toContain('Your code: 123456')
    const link = within(body).getByTestId('mailbox-link')
    expect(link.getAttribute('href')).toBe(resetLink)
    expect(link.getAttribute('rel')).toContain('noopener')
  })

  it('says the portal has none when MAILBOX=local is off, and the palette then offers no mailbox', async () => {
    const desk = signedIn()
    desk.mail.status.mockResolvedValue({ delivery: 'smtp', mailbox: false })
    renderApp(desk, { path: '/mailbox' })
    await screen.findByTestId('mailbox-off')
    expect(desk.mail.mailbox).not.toHaveBeenCalled()
    act(() => void fireEvent.keyDown(window, { key: 'k', ctrlKey: true }))
    await screen.findByTestId('command-palette')
    expect(screen.getAllByTestId('command-palette-item').map((item) => item.textContent).join('|')).not.toContain('Local mailbox')
  })

  it('is in the command palette when the portal has one', async () => {
    const desk = signedIn()
    desk.mail.status.mockResolvedValue({ delivery: 'off', mailbox: true })
    desk.mail.mailbox.mockResolvedValue({ items: [] })
    const { router } = renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    act(() => void fireEvent.keyDown(window, { key: 'k', ctrlKey: true }))
    await screen.findByTestId('command-palette')
    fireEvent.change(screen.getByTestId('command-palette-input'), { target: { value: 'mailbox' } })
    const item = await waitFor(() => {
      const found = screen.getAllByTestId('command-palette-item').find((entry) => entry.textContent?.includes('Local mailbox'))
      if (!found) throw new Error('no mailbox entry')
      return found
    })
    fireEvent.click(item)
    await waitFor(() => expect(router.state.location.pathname).toBe('/mailbox'))
  })
})
