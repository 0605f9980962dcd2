// @vitest-environment jsdom
import './support/dom'
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeDesk } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

describe('the desktop menu’s language', () => {
  it('follows the language the operator chose, from the start and on every change', async () => {
    const desk = fakeDesk()
    desk.desktop.setLanguage.mockResolvedValue(null)
    const { dependencies } = renderApp(desk, { language: 'en' })
    await screen.findByTestId('signed-out')
    expect(desk.desktop.setLanguage.mock.calls).toEqual([[{ language: 'en' }]])

    act(() => dependencies.stores.preferences.getState().setLanguage('zh-CN'))
    expect(desk.desktop.setLanguage.mock.calls.at(-1)).toEqual([{ language: 'zh-CN' }])
  })

  it('keeps the desk working where the shell cannot take it', async () => {
    const desk = fakeDesk()
    desk.desktop.setLanguage.mockRejectedValue(new Error('no shell'))
    renderApp(desk, { language: 'zh-CN' })
    expect(await screen.findByTestId('signed-out')).toBeTruthy()
    expect(desk.desktop.setLanguage).toHaveBeenCalledWith({ language: 'zh-CN' })
  })
})
