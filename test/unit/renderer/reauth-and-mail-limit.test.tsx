// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { TFunction } from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { CompanyDetail } from '../../../src/shared/companies'
import { DeskError } from '../../../src/shared/errors'
import { mailLimitRefusal, type MailLimitDetails } from '../../../src/shared/mail-limit'
import { refusalText } from '../../../src/renderer/components/refusal-text'
import { failureReasonOf, isFatalBulkError } from '../../../src/renderer/features/user-grid/bulk/bulk-actions'
import { outcomeReason } from '../../../src/renderer/features/user-grid/bulk/BulkRunModal'
import { createI18n } from '../../../src/renderer/i18n'
import { securityDesk, securityUser } from './security-fixtures'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'
import { portalUser } from './user-form-fixtures'
import { endpoints, urlOf } from '../../../src/shared/endpoints'

afterEach(cleanup)

/** What the server answers past the per-user mail limit (the numbers of its default policy). */
function mailLimitError(retryAfterSeconds = 700): DeskError {
  const details: MailLimitDetails = { reason: 'mailLimit', limit: 5, windowMinutes: 60, retryAfterSeconds }
  return new DeskError('RATE_LIMITED', mailLimitRefusal(details), { ...details })
}

const inLanguage = (language: 'en' | 'zh-CN'): TFunction => createI18n(language).t

/** A dialog's body (the element with `data-step`), once it is open. */
function dialogBody(testId: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = document.querySelector<HTMLElement>(`[data-testid="${testId}"][data-step]`)
    if (!found) throw new Error(`no open ${testId}`)
    return found
  })
}

/** Types the operator's password into the re-authentication step and confirms it. */
async function confirmIdentity(dialog: HTMLElement, password: string) {
  await waitFor(() => expect(dialog.getAttribute('data-step')).toBe('reauth'))
  expect(within(dialog).getByText('This action needs a recent identity check. Enter your own password; the action then runs again.')).toBeTruthy()
  fireEvent.change(within(dialog).getByTestId('reauth-password'), { target: { value: password } })
  fireEvent.click(within(dialog).getByTestId('reauth-confirm'))
}

describe('a fresh identity check asked by the server (REAUTH_REQUIRED)', () => {
  it('the user form’s role change asks for the operator’s password, re-authenticates and saves the same change again', async () => {
    const user = portalUser({ kind: 'internal', role: 'support', companyId: null, websiteId: null, company: null, website: null })
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    desk.users.get.mockResolvedValue(user)
    desk.users.update.mockRejectedValueOnce(new DeskError('REAUTH_REQUIRED')).mockResolvedValueOnce({ ...user, role: 'administrator', version: 8 })
    desk.auth.reauth.mockResolvedValue({ reauthenticatedUntil: '2099-01-01T00:00:00Z' })
    renderApp(desk, { path: `/users/${user.id}` })
    await screen.findByTestId('user-form')

    const role = screen.getByRole('combobox', { name: 'Role' })
    fireEvent.mouseDown(role)
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((node) => node.textContent === 'Administrator')
      if (!found) throw new Error('no Administrator option')
      return found
    })
    fireEvent.click(option)
    fireEvent.click(screen.getByTestId('save-user'))

    const dialog = await dialogBody('save-confirmation')
    expect(dialog.textContent).toContain('Support agent')
    expect(dialog.textContent).toContain('Administrator')
    fireEvent.change(within(dialog).getByTestId('action-ticket'), { target: { value: 'OPS-12' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    await confirmIdentity(dialog, 'my own password')
    await waitFor(() => expect(desk.users.update).toHaveBeenCalledTimes(2))
    expect(desk.auth.reauth).toHaveBeenCalledWith({ password: 'my own password' })
    const change = { id: 42, patch: { role: 'administrator', version: 7 }, audit: { ticketRef: 'OPS-12' } }
    expect(desk.users.update.mock.calls.map(([input]) => input)).toEqual([change, change])
    expect((await screen.findByTestId('action-notice')).textContent).toContain('The changes to Dr. Wei Li were saved.')
  })

  it('the company’s Add new user asks for the operator’s password, re-authenticates and creates the user once', async () => {
    const company: CompanyDetail = {
      id: 3,
      name: 'Northwind Traders Ltd',
      vat: null,
      country: 'GB',
      userCount: 0,
      documentLocked: false,
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      documents: { invoices: 0, orders: 0 },
      websites: [{ id: 3, name: 'Northwind Customer Portal', url: 'https://portal.northwind.example', companyId: 3, company: 'Northwind Traders Ltd' }],
      users: []
    }
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    desk.companies.get.mockResolvedValue(company)
    const created = securityUser({ id: 77, name: 'Katherine Johnson', login: 'k.johnson' })
    desk.users.create.mockRejectedValueOnce(new DeskError('REAUTH_REQUIRED')).mockResolvedValueOnce(created)
    desk.users.get.mockResolvedValue(created)
    desk.auth.reauth.mockResolvedValue({ reauthenticatedUntil: '2099-01-01T00:00:00Z' })
    renderApp(desk, { path: '/companies/3' })

    fireEvent.click(await screen.findByTestId('add-company-user'))
    const dialog = await dialogBody('add-company-user-dialog')
    fireEvent.change(within(dialog).getByTestId('new-user-first-name'), { target: { value: 'Katherine' } })
    fireEvent.change(within(dialog).getByTestId('new-user-last-name'), { target: { value: 'Johnson' } })
    fireEvent.change(within(dialog).getByTestId('new-user-login'), { target: { value: 'k.johnson' } })
    fireEvent.change(within(dialog).getByTestId('new-user-password-input'), { target: { value: 'ziggurat-velvet-Nocturne-42' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    await confirmIdentity(dialog, 'my own password')
    await waitFor(() => expect(desk.users.create).toHaveBeenCalledTimes(2))
    expect(desk.auth.reauth).toHaveBeenCalledWith({ password: 'my own password' })
    const [first, second] = desk.users.create.mock.calls.map(([input]) => input)
    expect(second).toEqual(first)
    expect(first).toMatchObject({ user: { kind: 'portal', login: 'k.johnson', companyId: 3, websiteId: 3 } })
  })
})

describe('the per-user mail limit in the desk', () => {
  it('is said with its number and the wait, in English and in Chinese', () => {
    expect(refusalText(mailLimitError(700), inLanguage('en'))).toBe(
      'At most 5 emails an hour can be sent to this user (reset links, username reminders, 2FA invitations, verification codes and portal invitations together). Try again in 12 minutes.'
    )
    expect(refusalText(mailLimitError(30), inLanguage('en'))).toContain('Try again in 1 minute.')
    const chinese = refusalText(mailLimitError(700), inLanguage('zh-CN'))
    expect(chinese).toContain('每小时最多可向此用户发送 5 封邮件')
    expect(chinese).toContain('12 分钟后重试')
    // Another 429 (the sign-in throttle, the helpdesk's codes) keeps the code's own sentence.
    expect(refusalText(new DeskError('RATE_LIMITED', 'x', { retryAt: '2026-01-01T00:00:00Z' }), inLanguage('en'))).toBeNull()
  })

  it('shows the refusal in words in the action dialog, which stays open', async () => {
    const desk = securityDesk()
    desk.security.sendResetLink.mockRejectedValue(mailLimitError(700))
    renderApp(desk, { path: '/users/42/security' })

    fireEvent.click(await screen.findByTestId('send-reset-link'))
    const dialog = await dialogBody('send-reset-link-dialog')
    fireEvent.click(within(dialog).getByTestId('action-confirm'))
    const error = await within(dialog).findByTestId('action-error')
    expect(error.getAttribute('data-error-code')).toBe('RATE_LIMITED')
    expect(error.textContent).toContain('At most 5 emails an hour can be sent to this user')
    expect(error.textContent).toContain('Try again in 12 minutes.')
    expect(dialog.getAttribute('data-step')).toBe('form')
  })

  it('reports a user over the limit as failed with the words, and the batch goes on', () => {
    const error = mailLimitError(3600)
    expect(failureReasonOf('sendResetLink', error)).toEqual({ reason: 'mailLimit', code: 'RATE_LIMITED' })
    expect(isFatalBulkError(error)).toBe(false)
    expect(outcomeReason('sendResetLink', { status: 'failed', error }, inLanguage('en'), 'en')).toContain('At most 5 emails an hour can be sent to this user')
    expect(outcomeReason('inviteTwoFactor', { status: 'failed', error }, inLanguage('en'), 'en')).toContain('Try again in 60 minutes.')
  })
})

describe('an operator’s own password on the Security tab', () => {
  it('is not offered: the button says to use My account → Password, and the server’s refusal says the same', async () => {
    const self = securityUser({ id: admin.id, kind: 'internal', role: 'administrator', name: admin.name, login: admin.login })
    const desk = securityDesk(self)
    renderApp(desk, { path: `/users/${admin.id}/security` })
    const reason = await screen.findByTestId('change-password-reason')
    expect(reason.textContent).toBe('You cannot set your own password here. Change it under My account → Password, which asks for your current password.')
    expect(screen.getByTestId<HTMLButtonElement>('change-password').disabled).toBe(true)

    const refusal = new DeskError('CONFLICT', 'You cannot set your own password here.', { reason: 'ownAccount', use: urlOf(endpoints.changeOwnPassword) })
    expect(refusalText(refusal, inLanguage('zh-CN'))).toBe('不能在此设置您自己的密码。请在“我的账户”→“密码”中修改，那里会要求输入当前密码。')
    // Other own-account refusals (archiving oneself) keep the general own-account words.
    expect(refusalText(new DeskError('CONFLICT', 'You cannot archive your own account; ask another administrator.', { reason: 'ownAccount' }), inLanguage('en'))).toBe(
      'You cannot do this to your own account; ask another administrator.'
    )
  })
})
