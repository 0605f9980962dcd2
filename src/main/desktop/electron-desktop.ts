import type { BrowserWindow, Menu as MenuClass, MenuItemConstructorOptions, Screen } from 'electron'
import type { MenuItemTemplate } from './app-menu'
import type { Rectangle, TrackedWindow } from './window-state'

/** Adapters from Electron's menu, screen and window to the plain data the desktop modules test against. */
export function setApplicationMenu(Menu: typeof MenuClass, template: MenuItemTemplate[]): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]))
}

export function displayWorkAreas(screen: Screen): { workAreas: Rectangle[]; primaryWorkArea: Rectangle } {
  return { workAreas: screen.getAllDisplays().map((display) => display.workArea), primaryWorkArea: screen.getPrimaryDisplay().workArea }
}

export function trackedWindow(window: BrowserWindow): TrackedWindow {
  return {
    getNormalBounds: () => window.getNormalBounds(),
    isMaximized: () => window.isMaximized(),
    onClose: (listener) => window.on('close', listener)
  }
}
