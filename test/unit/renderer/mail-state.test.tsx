// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Locale } from '../../../src/shared/errors'
import { pendingLink, securityDesk } from './security-fixtures'
import { renderApp } from './support/render-app'

afterEach(cleanup)

/** Sends a reset link from the Security tab and returns the success notice with its email line. */
async function sendResetLink(desk: ReturnType<typeof securityDesk>, language: Locale = 'en'): Promise<HTMLElement> {
  desk.security.sendResetLink.mockResolvedValue({ link: pendingLink(), supersededCount: 0, mailId: '77', mailStatus: 'pending' })
  desk.security.resetLink.mockResolvedValue({ link: pendingLink() })
  renderApp(desk, { path: '/users/42/security', language })
  fireEvent.click(await screen.findByTestId('send-reset-link'))
  const dialog = await waitFor(() => {
    const open = document.querySelector<HTMLElement>('[data-testid="send-reset-link-dialog"][data-step]')
    if (!open) throw new Error('The dialog did not open')
    return open
  })
  fireEvent.submit(within(dialog).getByTestId('action-reason').closest('form') as HTMLFormElement)
  return screen.findByTestId('mail-notice')
}

describe('the live state of an email an action queued', () => {
  it('says delivery is off, links to the Local mailbox, and never says "sent" when the portal delivers nothing', async () => {
    const desk = securityDesk()
    desk.mail.status.mockResolvedValue({ delivery: 'off', mailbox: true })
    desk.mail.state.mockResolvedValue({ id: '77', state: 'off', reason: null, sentAt: null })
    const notice = await sendResetLink(desk)
    await waitFor(() => expect(within(notice).getByTestId('mail-state').textContent).toContain('delivery is off on this portal'))
    expect(desk.mail.state).toHaveBeenCalledWith({ id: '77' })
    const link = await within(notice).findByTestId('mail-state-mailbox-link')
    expect(link.getAttribute('href')).toBe('#/mailbox')
    expect(notice.textContent).not.toMatch(/was sent|Email: sent/)
  })

  it('says queued while the portal has not delivered, and "sent" only once the portal says so', async () => {
    const desk = securityDesk()
    desk.mail.status.mockResolvedValue({ delivery: 'smtp', mailbox: false })
    desk.mail.state.mockResolvedValue({ id: '77', state: 'queued', reason: null, sentAt: null })
    const notice = await sendResetLink(desk)
    const line = await within(notice).findByTestId('mail-state')
    await waitFor(() => expect(line.getAttribute('data-mail-state')).toBe('queued'))
    expect(line.textContent).toBe('Email: queued, waiting for delivery.')
    expect(notice.textContent).not.toContain('sent')

    desk.mail.state.mockResolvedValue({ id: '77', state: 'sent', reason: null, sentAt: '2026-03-02T08:00:01.000Z' })
    await waitFor(() => expect(line.getAttribute('data-mail-state')).toBe('sent'), { timeout: 3_000 })
    expect(line.textContent).toBe('Email: sent.')
    // Settled: no more questions.
    const calls = desk.mail.state.mock.calls.length
    await new Promise((resolve) => setTimeout(resolve, 1_300))
    expect(desk.mail.state.mock.calls.length).toBe(calls)
  })

  it("says why it failed, in the SMTP server's words, and in Chinese", async () => {
    const desk = securityDesk()
    desk.mail.status.mockResolvedValue({ delivery: 'smtp', mailbox: false })
    desk.mail.state.mockResolvedValue({ id: '77', state: 'failed', reason: '550 mailbox unavailable', sentAt: null })
    const notice = await sendResetLink(desk, 'zh-CN')
    await waitFor(() => expect(within(notice).getByTestId('mail-state').textContent).toBe('邮件：发送失败：550 mailbox unavailable'))
  })

  it('says delivery is off in Chinese, without a mailbox link when the portal has none', async () => {
    const desk = securityDesk()
    desk.mail.status.mockResolvedValue({ delivery: 'off', mailbox: false })
    desk.mail.state.mockResolvedValue({ id: '77', state: 'off', reason: null, sentAt: null })
    const notice = await sendResetLink(desk, 'zh-CN')
    await waitFor(() => expect(within(notice).getByTestId('mail-state').textContent).toBe('邮件：未发送，此门户已关闭邮件投递。'))
    expect(within(notice).queryByTestId('mail-state-mailbox-link')).toBeNull()
  })
})
