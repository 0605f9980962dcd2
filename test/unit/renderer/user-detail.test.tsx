// @vitest-environment jsdom
import './support/dom'
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import type { UserDetail } from '../../../src/shared/users'
import { admin, fakeDesk, sessionState, userItem } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)
// The General tab is a whole form: on a busy machine it takes longer than Testing Library's 1 s default to appear.

const detail: UserDetail = {
  ...userItem(42, { name: '王芳', login: 'wang.fang', email: 'wang.fang@example.cn', phone: '+86 138 0000 0042' }),
  firstName: '芳',
  lastName: '王',
  role: null,
  language: 'zh-CN',
  city: 'Shanghai',
  country: 'CN',
  companyId: 3,
  websiteId: 3,
  createdAt: '2025-01-02T10:00:00Z',
  updatedAt: '2026-03-04T11:30:00Z'
}

function signedIn() {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  return desk
}

function field(name: string): string {
  return document.querySelector(`[data-testid="user-detail"] [data-field="${name}"]`)?.textContent ?? ''
}

function inputValue(name: string): string {
  return document.querySelector<HTMLInputElement>(`[data-testid="user-detail"] input[data-testid="user-form-${name}"]`)?.value ?? ''
}

describe('user details', () => {
  it('shows the user of the deep link in the edit form, with a way back to the grid', async () => {
    const desk = signedIn()
    desk.users.get.mockResolvedValue(detail)
    renderApp(desk, { path: '/users/42' })

    expect((await screen.findByTestId('user-detail-name')).textContent).toBe('王芳')
    expect(desk.users.get).toHaveBeenCalledWith({ id: 42 })
    expect(inputValue('login')).toBe('wang.fang')
    expect(inputValue('email')).toBe('wang.fang@example.cn')
    expect(inputValue('phone')).toBe('+86 138 0000 0042')
    expect(field('country')).toContain('China (CN)')
    expect(field('language')).toContain('简体中文')
    expect(field('created')).toMatch(/January 2, 2025/)
    expect(screen.getByTestId('back-to-users').getAttribute('href')).toBe('/users')
  })

  it('says plainly when the user does not exist', async () => {
    const desk = signedIn()
    desk.users.get.mockRejectedValue(new DeskError('NOT_FOUND'))
    renderApp(desk, { path: '/users/999' })

    expect((await screen.findByTestId('user-not-found')).textContent).toContain('User not found')
  })

  it('treats an id that is not a number as not found, without asking main', async () => {
    const desk = signedIn()
    renderApp(desk, { path: '/users/abc' })

    expect(await screen.findByTestId('user-not-found')).toBeTruthy()
    expect(desk.users.get).not.toHaveBeenCalled()
  })
})
