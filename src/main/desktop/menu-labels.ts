import type { Locale } from '../../shared/errors'

/**
 * The words of the application menu. Main cannot reach the renderer's i18next resources (they are
 * bundled into the window, and main may not import src/renderer), and only main shows these, so
 * they live here, both languages side by side; TypeScript refuses a Chinese set with other keys.
 */
export interface MenuLabels {
  file: string
  quit: string
  edit: string
  undo: string
  redo: string
  cut: string
  copy: string
  paste: string
  pasteAndMatchStyle: string
  delete: string
  selectAll: string
  view: string
  reload: string
  forceReload: string
  toggleDevTools: string
  resetZoom: string
  zoomIn: string
  zoomOut: string
  toggleFullScreen: string
  window: string
  minimize: string
  zoom: string
  close: string
  front: string
  about: string
  services: string
  hide: string
  hideOthers: string
  showAll: string
  help: string
  /** The Help menu's first line; `{version}` is the release. */
  version: string
  openDataFolder: string
}

export const menuLabels: Readonly<Record<Locale, MenuLabels>> = {
  en: {
    file: 'File',
    quit: 'Quit PortalDesk',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close Window',
    front: 'Bring All to Front',
    about: 'About PortalDesk',
    services: 'Services',
    hide: 'Hide PortalDesk',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    help: 'Help',
    version: 'PortalDesk {version}',
    openDataFolder: 'Open Data Folder'
  },
  'zh-CN': {
    file: '文件',
    quit: '退出 PortalDesk',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    pasteAndMatchStyle: '粘贴并匹配样式',
    delete: '删除',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    forceReload: '强制重新加载',
    toggleDevTools: '切换开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    toggleFullScreen: '切换全屏',
    window: '窗口',
    minimize: '最小化',
    zoom: '缩放',
    close: '关闭窗口',
    front: '全部置于顶层',
    about: '关于 PortalDesk',
    services: '服务',
    hide: '隐藏 PortalDesk',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    help: '帮助',
    version: 'PortalDesk {version}',
    openDataFolder: '打开数据文件夹'
  }
}

/** The menu's language for a system locale (app.getLocale(): `zh-CN`, `zh-TW`, `en-US`…): Chinese for any zh, English otherwise. */
export function menuLocaleFor(systemLocale: string): Locale {
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}
