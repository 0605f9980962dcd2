// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { PersonMatch, Verification } from '../../../src/shared/helpdesk'
import { DeskError } from '../../../src/shared/errors'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const person: PersonMatch = {
  id: 21,
  kind: 'portal',
  name: 'Wang Fang',
  login: 'wfang',
  company: 'Northwind Traders Ltd',
  website: 'Northwind Customer Portal',
  maskedEmail: 'w***@northwind.example',
  maskedPhone: '•••• 4567',
  lastSignInAt: '2026-11-30T10:00:00Z',
  active: true,
  locked: false,
  lockedUntil: null,
  twoFactor: true,
  facts: { company: 'Northwind Traders Ltd', city: 'Leeds', phoneLast4: '4567' }
}

function verificationBy(method: Verification['method']): Verification {
  return { verificationId: '77', method, strength: method === 'knowledge' ? 'weak' : 'strong', verifiedAt: '2026-12-02T08:00:00Z', expiresAt: '2026-12-02T08:30:00Z' }
}

function support() {
  return deskFor({ ...admin, login: 'support', name: 'Sam Support', role: 'support' })
}

function deskFor(operator: typeof admin | { id: number; login: string; name: string; role: 'support' }) {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator }))
  desk.helpdesk.findPeople.mockResolvedValue({ items: [person] })
  return desk
}

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)

/** antd puts the test id on the checkbox's input or on its wrapper, depending on the version. */
function checkboxOf(id: string): HTMLInputElement {
  const element = byTestId(id)
  return element instanceof HTMLInputElement ? element : (element.querySelector('input') as HTMLInputElement)
}

async function findAndPick() {
  fireEvent.change(byTestId('person-search-input'), { target: { value: 'wfang' } })
  await waitFor(() => expect(byTestId('person-search').getAttribute('data-state')).toBe('ready'))
  fireEvent.keyDown(byTestId('person-search-input'), { key: 'Enter' })
  await screen.findByTestId('picked-person')
}

describe('the Helpdesk view', () => {
  it('asks a support agent for the ticket, verifies by code, and sends the reset link with ticket and verification', async () => {
    const desk = support()
    desk.helpdesk.sendCode.mockResolvedValue({ channel: 'email', sentTo: 'w***@northwind.example', expiresAt: '2099-01-01T00:00:00Z', mailStatus: 'pending', mailId: '41' })
    desk.helpdesk.checkCode.mockRejectedValueOnce(new DeskError('VALIDATION', 'Wrong code')).mockResolvedValue(verificationBy('email_code'))
    desk.security.sendResetLink.mockResolvedValue({ link: { status: 'pending' }, supersededCount: 0, mailId: '1', mailStatus: 'pending' } as never)
    renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    // The ticket field has the focus and is required: nothing unlocks without it.
    await waitFor(() => expect(document.activeElement).toBe(byTestId('helpdesk-ticket')))
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: 'HD-1234' } })
    await findAndPick()
    // Clearing the ticket after the pick locks verification again.
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: '' } })
    expect(screen.queryByTestId('send-code')).toBeNull()
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: 'HD-1234' } })

    fireEvent.click(await screen.findByTestId('send-code'))
    await screen.findByTestId('code-sent')
    expect(desk.helpdesk.sendCode).toHaveBeenCalledWith({ id: 21, audit: { ticketRef: 'HD-1234' } })
    fireEvent.change(byTestId('code-input'), { target: { value: '111111' } })
    expect((await screen.findByTestId('code-refused')).textContent).toContain('4 attempts left')
    // Disable 2FA stays locked until a verification.
    expect(screen.queryByTestId('helpdesk-disable-2fa')).toBeNull()
    fireEvent.change(byTestId('code-input'), { target: { value: '123 456' } })
    await screen.findByTestId('verification')
    expect(desk.helpdesk.checkCode).toHaveBeenLastCalledWith({ id: 21, audit: { ticketRef: 'HD-1234' }, code: '123456' })
    expect(byTestId<HTMLButtonElement>('helpdesk-disable-2fa').disabled).toBe(false)

    fireEvent.click(byTestId('helpdesk-reset-link'))
    await screen.findByTestId('resolve-outcome')
    expect(desk.security.sendResetLink).toHaveBeenCalledWith({ id: 21, audit: { ticketRef: 'HD-1234', verificationId: '77' } })
    const summary = byTestId('helpdesk-summary').textContent ?? ''
    expect(summary).toContain('Ticket HD-1234 — Wang Fang (wfang)')
    expect(summary).toContain('Identity verified by emailed code.')
    expect(summary).toContain('Sent a password reset link.')
    expect(summary).toContain('By Sam Support (support).')

    fireEvent.click(byTestId('next-ticket'))
    await waitFor(() => expect(byTestId<HTMLInputElement>('helpdesk-ticket').value).toBe(''))
    expect(screen.queryByTestId('picked-person')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(byTestId('helpdesk-ticket')))
  })

  it('after a knowledge check, reminds the username but refuses to disable 2FA, and says why', async () => {
    const desk = support()
    desk.helpdesk.knowledgeCheck.mockResolvedValue(verificationBy('knowledge'))
    desk.helpdesk.remindUsername.mockResolvedValue({ sentTo: 'w***@northwind.example', mailStatus: 'pending', mailId: '42' })
    renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: 'HD-9' } })
    await findAndPick()
    fireEvent.click(byTestId('knowledge-check'))
    expect(byTestId<HTMLButtonElement>('confirm-facts').disabled).toBe(true)
    fireEvent.click(checkboxOf('fact-city'))
    fireEvent.click(checkboxOf('fact-phoneLast4'))
    fireEvent.click(byTestId('confirm-facts'))
    await screen.findByTestId('verification')
    expect(desk.helpdesk.knowledgeCheck).toHaveBeenCalledWith({ id: 21, audit: { ticketRef: 'HD-9' }, facts: ['city', 'phoneLast4'] })
    expect(byTestId('verification').getAttribute('data-strength')).toBe('weak')
    expect(byTestId<HTMLButtonElement>('helpdesk-disable-2fa').disabled).toBe(true)
    expect(byTestId('disable-2fa-why').textContent).toContain('Only after a code verification')

    fireEvent.click(byTestId('helpdesk-remind-username'))
    expect((await screen.findByTestId('resolve-outcome')).textContent).toContain('w***@northwind.example')
    expect(desk.helpdesk.remindUsername).toHaveBeenCalledWith({ id: 21, audit: { ticketRef: 'HD-9', verificationId: '77' } })
    expect(byTestId('helpdesk-summary').textContent).toContain('Identity verified by knowledge check.')
  })
  it('when the server no longer accepts the verification, says so and goes back to verifying', async () => {
    const desk = support()
    desk.helpdesk.knowledgeCheck.mockResolvedValue(verificationBy('knowledge'))
    desk.security.sendResetLink.mockRejectedValue(new DeskError('CONFLICT', 'expired', [{ path: 'X-Verification', message: 'This verification expired.' }]))
    renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: 'HD-10' } })
    await findAndPick()
    fireEvent.click(byTestId('knowledge-check'))
    fireEvent.click(checkboxOf('fact-company'))
    fireEvent.click(checkboxOf('fact-city'))
    fireEvent.click(byTestId('confirm-facts'))
    await screen.findByTestId('verification')
    fireEvent.click(byTestId('helpdesk-reset-link'))
    expect((await screen.findByTestId('verification-lost')).textContent).toContain('Verify the caller again')
    fireEvent.click(byTestId('verify-again'))
    await screen.findByTestId('verify-step')
    expect(screen.queryByTestId('resolve-step')).toBeNull()
    expect(byTestId('helpdesk-summary').textContent).toContain('Identity not verified.')
  })
})

describe('the Helpdesk search before a ticket', () => {
  const searchInput = () => byTestId<HTMLInputElement>('person-search-input')

  it('waits for the ticket reference of a support agent, says why, and searches once it is entered', async () => {
    const desk = support()
    renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    await waitFor(() => expect(byTestId('helpdesk-ticket').getAttribute('aria-required')).toBe('true'))
    expect(searchInput().disabled).toBe(true)
    expect(byTestId('person-search').getAttribute('data-state')).toBe('waiting')
    expect(byTestId('helpdesk-find-step').getAttribute('data-locked')).toBe('true')
    const hint = byTestId('person-search-hint')
    expect(hint.textContent).toContain('Enter the ticket reference first')
    expect(searchInput().getAttribute('aria-describedby')).toBe(hint.id)

    // An invalid reference does not count as one.
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: 'HD=1' } })
    expect(searchInput().disabled).toBe(true)
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: 'HD-77' } })
    expect(searchInput().disabled).toBe(false)
    expect(byTestId('person-search-hint').textContent).not.toContain('ticket')
    await findAndPick()
    expect(desk.helpdesk.findPeople).toHaveBeenCalledWith({ q: 'wfang', limit: 10 })
  })

  it('hides the results again when the support agent clears the ticket', async () => {
    const desk = support()
    renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: 'HD-78' } })
    fireEvent.change(searchInput(), { target: { value: 'wfang' } })
    await waitFor(() => expect(screen.getAllByTestId('person-option')).toHaveLength(1))
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: '  ' } })
    expect(searchInput().disabled).toBe(true)
    expect(screen.queryAllByTestId('person-option')).toHaveLength(0)
    fireEvent.keyDown(searchInput(), { key: 'Enter' })
    expect(screen.queryByTestId('picked-person')).toBeNull()
    fireEvent.change(byTestId('helpdesk-ticket'), { target: { value: 'HD-78' } })
    expect(screen.getAllByTestId('person-option')).toHaveLength(1)
  })

  it('says so in Chinese too', async () => {
    renderApp(support(), { path: '/helpdesk', language: 'zh-CN' })
    await screen.findByTestId('helpdesk')
    await waitFor(() => expect(byTestId('person-search-hint').textContent).toContain('请先填写工单编号'))
  })

  it('lets an administrator search and pick without a ticket', async () => {
    const desk = deskFor(admin)
    renderApp(desk, { path: '/helpdesk' })
    await screen.findByTestId('helpdesk')
    await waitFor(() => expect(byTestId('helpdesk-ticket').getAttribute('aria-required')).toBe('false'))
    expect(searchInput().disabled).toBe(false)
    expect(byTestId('helpdesk-find-step').getAttribute('data-locked')).toBe('false')
    expect(byTestId('person-search-hint').textContent).not.toContain('ticket')
    await findAndPick()
    // Without a ticket the verify step opens for an administrator.
    await screen.findByTestId('send-code')
  })
})
