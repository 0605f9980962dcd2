/**
 * The Electron binary, or null where it is not installed: Electron 45 downloads it on first use, which
 * `npm start` does (and cannot where there is no network). Read without require('electron'), which
 * would try the download.
 */
export { electronBinary as electronExecutable } from '../../scripts/electron-installer.mjs'
