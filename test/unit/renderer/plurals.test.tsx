// @vitest-environment jsdom
import './support/dom'
import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { UserListPage } from '../../../src/shared/users'
import { createI18n } from '../../../src/renderer/i18n'
import { admin, fakeDesk, sessionState, userItem } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

describe('counts use plural rules', () => {
  it('says "1 user", not "1 users", wherever the desk counts users, sessions or characters', async () => {
    const en = createI18n('en')
    const t = en.t
    expect(t('users.allLoaded', { count: 1, total: '1' })).toBe('1 user is loaded')
    expect(t('users.allLoaded', { count: 2, total: '2' })).toBe('All 2 users are loaded')
    expect(t('users.loadedCount', { count: 1, loaded: '1', total: '1' })).toBe('1 of 1 user loaded')
    expect(t('userGrid.loadedSoFar', { count: 1, loaded: '1' })).toBe('1 user loaded; more load as you scroll')
    expect(t('userGrid.bulk.title', { count: 1, action: 'Archive', users: '1' })).toBe('Archive: 1 user')
    expect(t('userGrid.bulk.title', { count: 3, action: 'Archive', users: '3' })).toBe('Archive: 3 users')
    expect(t('userGrid.selection.selectAllMatching', { count: 1, users: '1' })).toBe('Select the 1 user matching the filter')
    expect(t('userGrid.export.done', { count: 1, rows: '1', file: 'users.csv' })).toBe('Exported 1 user to users.csv.')
    expect(t('security.sessions.revokedAll', { count: 1, name: 'Li Wei' })).toBe('Li Wei was signed out of every device (1 session).')
    expect(t('password.tooShort', { count: 1 })).toBe('At least 1 character.')
    const zh = createI18n('zh-CN')
    expect(zh.t('users.allLoaded', { count: 1, total: '1' })).toBe('已加载全部 1 个用户')
    expect(zh.t('userGrid.bulk.title', { count: 1, action: '归档', users: '1' })).toBe('归档：1 个用户')
  })

  it('the users grid says "1 user is loaded" for a single user', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    const page: UserListPage = { items: [userItem(10, { name: 'Li Wei' })], nextCursor: null, facets: { kind: { portal: 1, internal: 0 } } }
    desk.users.list.mockResolvedValue(page)
    renderApp(desk, { path: '/users' })
    await waitFor(() => expect(screen.getByTestId('users-status').textContent).toBe('1 user is loaded'))
  })
})
