// `npm run dist`: installers for Linux, Windows and macOS, made by electron-builder from out/ (the
// electron-vite build) and the production dependencies. The icons come from resources/icon.svg
// (`npm run icons`).
import { afterPack } from './scripts/packaging/after-pack.mjs'

/** The URL scheme the installers register for links that open the desk. */
export const deskUrlScheme = 'portaldesk'

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.portaldesk.desk',
  productName: 'PortalDesk',
  copyright: 'Copyright © PortalDesk contributors',
  directories: { output: 'dist', buildResources: 'resources' },
  // The built app and package.json; electron-builder adds the production dependencies itself
  // (the renderer's are bundled into out/renderer, the main process and portal server load theirs
  // from node_modules: Fastify, PGlite with its WASM and data files, @node-rs/argon2).
  files: ['out/**/*', 'package.json', '!**/*.map'],
  asar: true,
  // Nothing to compile: the one native addon, @node-rs/argon2, ships prebuilt N-API binaries.
  npmRebuild: false,
  // Only what cannot be read from inside app.asar: native addons, which the OS loads from a real
  // file (@node-rs/argon2's binary). PGlite reads its WASM and data with fs, which reads the asar.
  asarUnpack: ['**/*.node'],
  protocols: [{ name: 'PortalDesk link', schemes: [deskUrlScheme] }],
  afterPack,
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] }
    ],
    category: 'Office',
    icon: 'resources/icons',
    maintainer: 'PortalDesk <desk@portaldesk.app>',
    synopsis: 'Back-office desk for a customer portal'
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'resources/icon.png'
  },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.business',
    icon: 'resources/icon.png'
  }
}

export default config
