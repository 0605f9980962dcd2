// @vitest-environment jsdom
import './support/dom'
import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditIntegrity } from '../../../src/shared/audit'
import type { UserDetail } from '../../../src/shared/users'
import { admin, fakeDesk, sessionState, userItem } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const detail = {
  ...userItem(42, { name: 'Li Wei', login: 'li.wei' }),
  role: null,
  language: 'en',
  createdAt: '2025-01-02T10:00:00Z',
  updatedAt: '2026-03-04T11:30:00Z'
} as UserDetail

const broken: AuditIntegrity = {
  intact: false,
  rows: 1204,
  brokenAt: { id: '1207', seq: '1205', reason: 'contentChanged' },
  checkedAt: '2026-03-05T09:30:00.000Z'
}

function activityTab(integrity: AuditIntegrity) {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  desk.users.get.mockResolvedValue(detail)
  desk.users.audit.mockResolvedValue({ items: [], nextCursor: null })
  desk.users.signIns.mockResolvedValue({ items: [], recentFailures: { count: 0, since: null } })
  desk.audit.integrity.mockResolvedValue(integrity)
  return desk
}

describe('the audit integrity warning on the Activity tab', () => {
  it('names the first broken entry and why, in English', async () => {
    const desk = activityTab(broken)
    renderApp(desk, { path: '/users/42/activity' })

    const banner = await screen.findByTestId('audit-integrity-broken')
    expect(banner.getAttribute('role')).toBe('alert')
    expect(banner.textContent).toContain('The audit log has been tampered with')
    expect(banner.textContent).toContain('breaks at entry #1207: the entry was changed after it was written')
    expect(banner.textContent).toContain('audit verify')
    expect(desk.audit.integrity).toHaveBeenCalledTimes(1)
  })

  it('says it in Chinese, with the reason for rows deleted before it', async () => {
    const desk = activityTab({ ...broken, brokenAt: { id: '88', seq: '80', reason: 'rowMissing' } })
    renderApp(desk, { path: '/users/42/activity', language: 'zh-CN' })

    const banner = await screen.findByTestId('audit-integrity-broken')
    expect(banner.textContent).toContain('审计日志已被篡改')
    expect(banner.textContent).toContain('第 #88 条记录处断开：其之前的记录已被删除')
  })

  it('shows nothing while the chain holds', async () => {
    const desk = activityTab({ intact: true, rows: 1204, head: { seq: '1204', hash: 'a'.repeat(64) }, checkedAt: broken.checkedAt })
    renderApp(desk, { path: '/users/42/activity' })

    expect(await screen.findByText('Nothing has been recorded about this user yet.')).toBeTruthy()
    await waitFor(() => expect(desk.audit.integrity).toHaveBeenCalled())
    expect(screen.queryByTestId('audit-integrity-broken')).toBeNull()
  })
})
