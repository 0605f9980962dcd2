// @vitest-environment jsdom
import './support/dom'
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../../src/shared/audit'
import type { Locale } from '../../../src/shared/errors'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'
import { portalUser } from './user-form-fixtures'

afterEach(cleanup)

const entry: AuditEntry = {
  id: '200',
  at: '2026-02-01T08:00:00Z',
  actor: { id: 1, login: 'admin', role: 'administrator' },
  target: { id: 42, login: 'li.wei', name: 'Li Wei' },
  action: 'email.confirm',
  changes: {
    email: { from: 'old@example.com', to: 'new@example.com' },
    twoFactor: { from: false, to: true },
    lockedUntil: { from: '2026-03-04T11:30:00.000Z', to: null },
    resetLink: { from: null, to: { expiresAt: '2026-03-05T09:00:00.000Z', superseded: 1 } }
  },
  ip: null,
  userAgent: null,
  ticketRef: null,
  reason: null
}

function showActivity(language: Locale, items: AuditEntry[] = [entry]) {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  desk.users.get.mockResolvedValue(portalUser({ id: 42 }))
  desk.users.audit.mockResolvedValue({ items, nextCursor: null })
  desk.users.signIns.mockResolvedValue({ items: [], recentFailures: { count: 0, since: null } })
  renderApp(desk, { path: '/users/42/activity', language })
}

function field(item: HTMLElement, path: string): string {
  return item.querySelector(`[data-field="${path}"]`)?.textContent ?? ''
}

describe('the Activity tab speaks words', () => {
  it('in English: the action, the user-form labels, yes/no, dates in the locale, nested values, no JSON', async () => {
    showActivity('en')
    const item = await screen.findByTestId('audit-entry')
    expect(item.textContent).toContain('New email address confirmed')
    expect(field(item, 'email')).toBe('Primary Email: old@example.com → new@example.com')
    expect(field(item, 'twoFactor')).toBe('Two-factor authentication: no → yes')
    expect(field(item, 'lockedUntil')).toMatch(/^Locked until: March 4, 2026 \d{1,2}:30 [AP]M → —$/)
    expect(field(item, 'resetLink.expiresAt')).toMatch(/^Reset link › Expires: — → March 5, 2026 /)
    expect(field(item, 'resetLink.superseded')).toBe('Reset link › Earlier links replaced: — → 1')
    expect(item.textContent).toContain('February 1, 2026')
    expect(item.textContent).not.toMatch(/[{}"]|email\.confirm|true|false|2026-0/)
  })

  it('in Chinese: the same entry in Chinese words and dates', async () => {
    showActivity('zh-CN')
    const item = await screen.findByTestId('audit-entry')
    expect(item.textContent).toContain('确认了新电子邮件地址')
    expect(field(item, 'email')).toMatch(/^主要电子邮件：old@example\.com → new@example\.com$/)
    expect(field(item, 'twoFactor')).toBe('双重身份验证：否 → 是')
    expect(field(item, 'lockedUntil')).toMatch(/^锁定至：2026年3月4日\S*30分 → —$/)
    expect(item.textContent).toContain('2026年2月1日')
    expect(item.textContent).not.toMatch(/[{}"]|email\.confirm|true|false|2026-0/)
  })

  it('shows an action newer than the desk as the server wrote it, never failing', async () => {
    showActivity('en', [{ ...entry, action: 'future.thing', changes: { brandNew: { from: [1, 2], to: [] } } }])
    const item = await screen.findByTestId('audit-entry')
    expect(item.textContent).toContain('future.thing')
    expect(field(item, 'brandNew')).toBe('brandNew: 1, 2 → —')
  })
})
