import type { MenuLabels } from './menu-labels'

/** The Electron roles the desk's menu uses: Electron (and macOS) implement each one natively. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'window'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front'
  | 'help'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'

/** The part of Electron's MenuItemConstructorOptions the desk uses; `Menu.buildFromTemplate` takes it as is. */
export interface MenuItemTemplate {
  role?: MenuRole
  type?: 'separator'
  label?: string
  enabled?: boolean
  click?: () => void
  submenu?: MenuItemTemplate[]
}

export interface MenuActions {
  /** Opens the desk's user-data folder in the system's file manager. */
  openDataFolder(): void
}

export interface MenuOptions {
  /** process.platform */
  platform: string
  /** Reload and the developer tools are there only while developing (not packaged). */
  isDev: boolean
  labels: MenuLabels
  version: string
  actions: MenuActions
}

const separator: MenuItemTemplate = { type: 'separator' }
const item = (role: MenuRole, label: string): MenuItemTemplate => ({ role, label })

/**
 * The application menu as data. Edit carries the clipboard roles because on macOS the shortcuts
 * (Cmd+C, Cmd+V…) reach a text field only through menu items with these roles.
 */
export function buildMenuTemplate({ platform, isDev, labels, version, actions }: MenuOptions): MenuItemTemplate[] {
  const mac = platform === 'darwin'

  const appMenu: MenuItemTemplate = {
    label: 'PortalDesk',
    submenu: [
      item('about', labels.about),
      separator,
      item('services', labels.services),
      separator,
      item('hide', labels.hide),
      item('hideOthers', labels.hideOthers),
      item('unhide', labels.showAll),
      separator,
      item('quit', labels.quit)
    ]
  }
  const fileMenu: MenuItemTemplate = { label: labels.file, submenu: [item('quit', labels.quit)] }

  const editMenu: MenuItemTemplate = {
    label: labels.edit,
    submenu: [
      item('undo', labels.undo),
      item('redo', labels.redo),
      separator,
      item('cut', labels.cut),
      item('copy', labels.copy),
      item('paste', labels.paste),
      ...(mac ? [item('pasteAndMatchStyle', labels.pasteAndMatchStyle), item('delete', labels.delete)] : []),
      item('selectAll', labels.selectAll)
    ]
  }

  const viewMenu: MenuItemTemplate = {
    label: labels.view,
    submenu: [
      ...(isDev ? [item('reload', labels.reload), item('forceReload', labels.forceReload), item('toggleDevTools', labels.toggleDevTools), separator] : []),
      item('resetZoom', labels.resetZoom),
      item('zoomIn', labels.zoomIn),
      item('zoomOut', labels.zoomOut),
      separator,
      item('togglefullscreen', labels.toggleFullScreen)
    ]
  }

  const windowMenu: MenuItemTemplate = {
    label: labels.window,
    // On macOS the role makes it the system's Window menu, which lists the open windows.
    ...(mac ? { role: 'window' as const } : {}),
    submenu: [item('minimize', labels.minimize), ...(mac ? [item('zoom', labels.zoom)] : []), item('close', labels.close), ...(mac ? [separator, item('front', labels.front)] : [])]
  }

  const helpMenu: MenuItemTemplate = {
    label: labels.help,
    // On macOS the role adds the system's search field to the Help menu.
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [{ label: labels.version.replace('{version}', version), enabled: false }, separator, { label: labels.openDataFolder, click: () => actions.openDataFolder() }]
  }

  return [...(mac ? [appMenu] : [fileMenu]), editMenu, viewMenu, windowMenu, helpMenu]
}
