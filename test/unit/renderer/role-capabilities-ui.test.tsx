// @vitest-environment jsdom
import './support/dom'
import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { securityDesk, securityUser } from './security-fixtures'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const support = { id: 2, login: 'support', name: 'Sam Support', role: 'support' } as const

function wrapper(testId: string): HTMLElement {
  return screen.getByTestId(`${testId}-wrapper`)
}

function button(testId: string): HTMLButtonElement {
  return screen.getByTestId<HTMLButtonElement>(testId)
}

describe('the role matrix in the Security tab', () => {
  it('support: helpdesk actions on a portal user stay enabled; administrator actions are disabled and say "Administrators only"', async () => {
    renderApp(securityDesk(securityUser({ locked: true }), support), { path: '/users/42/security' })
    await screen.findByTestId('security-tab')
    for (const allowed of ['send-reset-link', 'change-password', 'unlock']) {
      expect(button(allowed).disabled).toBe(false)
      expect(wrapper(allowed).getAttribute('data-role-refused')).toBeNull()
    }
    for (const refused of ['require-reset', 'archive-restore', 'delete-account', 'grant-portal-access']) {
      expect(button(refused).disabled).toBe(true)
      expect(wrapper(refused).getAttribute('data-role-refused')).toBe('true')
      // Described for screen readers too, not only in the tooltip.
      expect(screen.getByTestId(`${refused}-reason`).textContent).toBe('Administrators only')
    }
  })

  it('says it in Chinese as well', async () => {
    renderApp(securityDesk(securityUser(), support), { path: '/users/42/security', language: 'zh-CN' })
    await screen.findByTestId('security-tab')
    expect(screen.getByTestId('delete-account-reason').textContent).toBe('仅限管理员')
  })

  it('support: an internal user has no Security tab, and a deep link explains instead of failing', async () => {
    const desk = securityDesk(securityUser({ kind: 'internal', role: 'administrator' }), support)
    renderApp(desk, { path: '/users/42/security' })
    expect((await screen.findByTestId('not-for-role')).textContent).toContain('Not available to your role')
    expect(screen.queryByTestId('security-tab')).toBeNull()
    // Nothing was asked of the server that it would refuse.
    expect(desk.security.sessions).not.toHaveBeenCalled()
  })

  it('support: the tab itself is absent from an internal user page', async () => {
    renderApp(securityDesk(securityUser({ kind: 'internal', role: 'administrator' }), support), { path: '/users/42' })
    await waitFor(() => expect(document.querySelector('[data-node-key="general"]')).not.toBeNull())
    expect(document.querySelector('[data-node-key="security"]')).toBeNull()
  })

  it('administrator: every action is offered', async () => {
    renderApp(securityDesk(securityUser({ locked: true })), { path: '/users/42/security' })
    await screen.findByTestId('security-tab')
    for (const action of ['send-reset-link', 'require-reset', 'archive-restore', 'delete-account', 'unlock']) {
      expect(button(action).disabled).toBe(false)
      expect(wrapper(action).getAttribute('data-role-refused')).toBeNull()
    }
  })
})
