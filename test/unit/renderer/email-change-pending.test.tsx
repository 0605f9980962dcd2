// @vitest-environment jsdom
import './support/dom'
import { cleanup, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppProviders, createAppDependencies } from '../../../src/renderer/app/AppProviders'
import { PersonLine } from '../../../src/renderer/features/helpdesk/PersonSearch'
import { UserFacts } from '../../../src/renderer/features/user-form/UserFacts'
import type { Locale } from '../../../src/shared/errors'
import type { PersonMatch } from '../../../src/shared/helpdesk'
import type { UserDetail } from '../../../src/shared/users'
import { fakeDesk, userItem } from './support/fake-desk'
import { memoryStorage } from './support/render-app'

afterEach(cleanup)

function renderIn(language: Locale, children: ReactNode) {
  const dependencies = createAppDependencies({ desk: fakeDesk(), storage: memoryStorage(), systemLanguages: [language] })
  return render(<AppProviders dependencies={dependencies}>{children}</AppProviders>)
}

const user: UserDetail = {
  ...userItem(42, { email: 'wang.fang@example.cn' }),
  firstName: '芳',
  lastName: '王',
  role: null,
  language: 'zh-CN',
  city: 'Shanghai',
  country: 'CN',
  companyId: 3,
  websiteId: 3,
  createdAt: '2025-01-02T10:00:00Z',
  updatedAt: '2026-03-04T11:30:00Z',
  pendingEmailChange: { address: 'new.address@example.org', expiresAt: '2026-03-05T09:15:00Z' }
}

const person: PersonMatch = {
  id: 42,
  kind: 'portal',
  name: '王芳',
  login: 'wang.fang',
  company: 'Acme',
  website: 'acme.example.com',
  maskedEmail: 'w***@example.cn',
  maskedPhone: null,
  lastSignInAt: null,
  active: true,
  locked: false,
  lockedUntil: null,
  twoFactor: false,
  maskedPendingEmail: 'n***@example.org',
  facts: { company: 'Acme', city: 'Shanghai', phoneLast4: null }
}

const pendingFact = () => document.querySelector('[data-field="pendingEmail"]')?.textContent ?? ''

describe('a pending email change in the desk', () => {
  it('shows the pending address and its deadline on the user page, in English and Chinese', () => {
    renderIn('en', <UserFacts user={user} />)
    expect(screen.getByText('Email change')).toBeTruthy()
    expect(pendingFact()).toMatch(/^Email change pending: new\.address@example\.org, until March 5, 2026/)
    cleanup()
    renderIn('zh-CN', <UserFacts user={user} />)
    expect(pendingFact()).toMatch(/^邮箱地址更改待确认：new\.address@example\.org，有效期至 2026年3月5日/)
  })

  it('shows nothing when no change is pending', () => {
    renderIn('en', <UserFacts user={{ ...user, pendingEmailChange: null }} />)
    expect(document.querySelector('[data-field="pendingEmail"]')).toBeNull()
    expect(screen.queryByText(/Email change/)).toBeNull()
  })

  it('tags a helpdesk result with the masked pending address, never the whole one', () => {
    renderIn('en', <PersonLine person={person} />)
    expect(screen.getByTestId('helpdesk-email-change-pending').textContent).toBe('Email change pending: n***@example.org')
    expect(document.body.textContent).not.toContain('new.address')
    cleanup()
    renderIn('zh-CN', <PersonLine person={person} />)
    expect(screen.getByTestId('helpdesk-email-change-pending').textContent).toBe('邮箱更改待确认：n***@example.org')
    cleanup()
    renderIn('en', <PersonLine person={{ ...person, maskedPendingEmail: null }} />)
    expect(screen.queryByTestId('helpdesk-email-change-pending')).toBeNull()
  })
})
