import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuItemTemplate, type MenuRole } from '../../../src/main/desktop/app-menu'
import { menuLabels, menuLocaleFor } from '../../../src/main/desktop/menu-labels'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../../src/main/ipc/handlers'
import type { SessionService } from '../../../src/main/session/desk-session'
import { recordingLogger } from './support/fakes'

const platforms = ['darwin', 'win32', 'linux'] as const

function template(platform: string, isDev: boolean, openDataFolder = () => {}) {
  return buildMenuTemplate({ platform, isDev, labels: menuLabels.en, version: '1.2.3', actions: { openDataFolder } })
}

function menu(items: MenuItemTemplate[], label: string): MenuItemTemplate[] {
  const found = items.find((item) => item.label === label)
  if (!found?.submenu) throw new Error(`no ${label} menu`)
  return found.submenu
}

function roles(items: MenuItemTemplate[]): MenuRole[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])])
}

describe('application menu', () => {
  it.each(platforms)('has the clipboard roles in Edit on %s (macOS needs them for Cmd+C/V at all)', (platform) => {
    const edit = roles(menu(template(platform, false), 'Edit'))
    expect(edit).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
  })

  it.each(platforms)('offers zoom and full screen in View, and Window has minimize and close, on %s', (platform) => {
    const items = template(platform, false)
    expect(roles(menu(items, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(roles(menu(items, 'Window'))).toEqual(expect.arrayContaining(['minimize', 'close']))
  })

  it.each(platforms)('has reload and the developer tools only in development on %s', (platform) => {
    const production = roles(template(platform, false))
    for (const role of ['reload', 'forceReload', 'toggleDevTools'] as const) expect(production).not.toContain(role)
    expect(roles(menu(template(platform, true), 'View'))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools', 'zoomIn']))
  })

  it('has the macOS app menu (about, hide, quit) on macOS only, with zoom and front in its Window menu', () => {
    const mac = template('darwin', false)
    expect(mac[0]?.label).toBe('PortalDesk')
    expect(roles(mac[0]?.submenu ?? [])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
    expect(mac.map((item) => item.label)).toEqual(['PortalDesk', 'Edit', 'View', 'Window', 'Help'])
    expect(roles(menu(mac, 'Window'))).toEqual(['minimize', 'zoom', 'close', 'front'])
    expect(mac.find((item) => item.label === 'Window')?.role).toBe('window')
    expect(mac.find((item) => item.label === 'Help')?.role).toBe('help')

    for (const platform of ['win32', 'linux']) {
      const other = template(platform, false)
      expect(other.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
      for (const role of ['about', 'services', 'hide', 'hideOthers', 'unhide', 'zoom', 'front', 'window', 'help'] as const) expect(roles(other)).not.toContain(role)
      expect(roles(menu(other, 'File'))).toEqual(['quit'])
    }
  })

  it.each(platforms)('shows the version in Help and opens the data folder from it on %s', (platform) => {
    const openDataFolder = vi.fn()
    const help = menu(template(platform, false, openDataFolder), 'Help')
    expect(help[0]).toMatchObject({ label: 'PortalDesk 1.2.3', enabled: false })
    const open = help.find((item) => item.label === 'Open Data Folder')
    open?.click?.()
    expect(openDataFolder).toHaveBeenCalledOnce()
  })

  it('labels every item in the chosen language, Chinese included', () => {
    const items = buildMenuTemplate({ platform: 'darwin', isDev: true, labels: menuLabels['zh-CN'], version: '1.2.3', actions: { openDataFolder: () => {} } })
    expect(items.map((item) => item.label)).toEqual(['PortalDesk', '编辑', '视图', '窗口', '帮助'])
    const labelled = (list: MenuItemTemplate[]): boolean => list.every((item) => item.type === 'separator' || (Boolean(item.label) && labelled(item.submenu ?? [])))
    expect(labelled(items)).toBe(true)
    expect(menu(items, '帮助').map((item) => item.label)).toContain('打开数据文件夹')
  })

  it('has the same labels in both languages, none empty', () => {
    expect(Object.keys(menuLabels['zh-CN']).sort()).toEqual(Object.keys(menuLabels.en).sort())
    for (const labels of Object.values(menuLabels)) for (const value of Object.values(labels)) expect(value.trim()).not.toBe('')
  })

  it('follows the system locale: Chinese for any zh, English otherwise', () => {
    expect(menuLocaleFor('zh-CN')).toBe('zh-CN')
    expect(menuLocaleFor('zh-TW')).toBe('zh-CN')
    expect(menuLocaleFor('ZH')).toBe('zh-CN')
    expect(menuLocaleFor('en-US')).toBe('en')
    expect(menuLocaleFor('fr')).toBe('en')
    expect(menuLocaleFor('')).toBe('en')
  })
})

describe('the menu language from the window', () => {
  it('passes the operator’s language to the desktop shell, and refuses anything that is not one of the desk’s languages', async () => {
    const setLanguage = vi.fn()
    const table = createHandlerTable({ session: {} as SessionService, desktop: { setLanguage } })
    const log = recordingLogger()
    expect(await dispatch(table, 'desktop:set-language', { language: 'zh-CN' }, { log })).toEqual({ ok: true, value: null })
    expect(setLanguage).toHaveBeenCalledWith('zh-CN')
    for (const hostile of [{ language: 'fr' }, { language: '<script>' }, { language: 'x'.repeat(10_000) }, {}, 'zh-CN', null]) {
      expect(await dispatch(table, 'desktop:set-language', hostile, { log })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(setLanguage).toHaveBeenCalledOnce()
  })

  it('answers where there is no desktop shell (the browser host) without doing anything', async () => {
    const table = createHandlerTable({ session: {} as SessionService })
    expect(await dispatch(table, 'desktop:set-language', { language: 'en' }, { log: recordingLogger() })).toEqual({ ok: true, value: null })
  })
})
