import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import { minimatch } from 'minimatch'
import { describe, expect, it } from 'vitest'
import config, { deskUrlScheme } from '../../../electron-builder.config.mjs'
import { deskLinkScheme } from '../../../src/shared/deep-links'
import { desktopAppId } from '../../../src/shared/version'
import { afterPack, argon2BinaryPackage, electronExecutableIn, packagedFuses } from '../../../scripts/packaging/after-pack.mjs'

const repoRoot = join(import.meta.dirname, '..', '..', '..')

type Target = { target: string; arch: string[] }
const targetsOf = (platform: { target?: unknown } | null | undefined): Target[] => (platform?.target ?? []) as Target[]

describe('electron-builder config: what `npm run dist` builds', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.portaldesk.desk')
    expect(config.productName).toBe('PortalDesk')
  })

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS, each for x64 and arm64', () => {
    expect(targetsOf(config.linux)).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] }
    ])
    expect(targetsOf(config.win)).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }])
    expect(targetsOf(config.mac)).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
  })

  it('packs the built app, with the portal server, and no source maps', () => {
    const files = config.files as string[]
    const included = (path: string) => {
      let keep = false
      for (const pattern of files) {
        if (pattern.startsWith('!')) keep = keep && !minimatch(path, pattern.slice(1))
        else keep = keep || minimatch(path, pattern)
      }
      return keep
    }
    expect(included('out/main/portal-server.js')).toBe(true)
    expect(included('out/main/index.js')).toBe(true)
    expect(included('out/renderer/index.html')).toBe(true)
    expect(included('package.json')).toBe(true)
    expect(included('out/main/index.js.map')).toBe(false)
    expect(included('src/server/process-entry.ts')).toBe(false)
    expect(included('test/e2e/electron.spec.ts')).toBe(false)
  })

  it('unpacks from app.asar only native addons, and not PGlite, which reads its files through fs', () => {
    expect(config.asarUnpack).toEqual(['**/*.node'])
    const unpacked = (path: string) => (config.asarUnpack as string[]).some((pattern) => minimatch(path, pattern))
    expect(unpacked('node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node')).toBe(true)
    expect(unpacked('node_modules/@electric-sql/pglite/dist/pglite.wasm')).toBe(false)
    expect(unpacked('out/main/portal-server.js')).toBe(false)
  })

  it(`registers the ${deskUrlScheme}:// scheme in the installers`, () => {
    expect(config.protocols).toEqual([{ name: 'PortalDesk link', schemes: ['portaldesk'] }])
    // The installers register the scheme the desk's link parser reads (the config cannot import TypeScript).
    expect(deskUrlScheme).toBe(deskLinkScheme)
  })

  it('gives the installers the app id the desk runs under (Windows notifications need them equal)', () => {
    expect(config.appId).toBe(desktopAppId)
  })

  it('takes its icons from resources/, all made from icon.svg', () => {
    expect(config.directories?.buildResources).toBe('resources')
    for (const icon of ['resources/icon.svg', 'resources/icon.png', 'resources/icons/16x16.png', 'resources/icons/256x256.png', 'resources/icons/512x512.png']) {
      expect(existsSync(join(repoRoot, icon)), icon).toBe(true)
    }
    expect(config.mac?.icon).toBe('resources/icon.png')
    expect(config.win?.icon).toBe('resources/icon.png')
    expect(config.linux?.icon).toBe('resources/icons')
  })

  it('sets the fuses after packing', () => {
    expect(config.afterPack).toBe(afterPack)
    expect(packagedFuses).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true
    })
  })
})

describe('afterPack helpers', () => {
  it('names the argon2 binary package of each target', () => {
    expect(argon2BinaryPackage('linux', 'x64')).toEqual({ name: '@node-rs/argon2-linux-x64-gnu', file: 'argon2.linux-x64-gnu.node' })
    expect(argon2BinaryPackage('linux', 'arm64').name).toBe('@node-rs/argon2-linux-arm64-gnu')
    expect(argon2BinaryPackage('win32', 'arm64').name).toBe('@node-rs/argon2-win32-arm64-msvc')
    expect(argon2BinaryPackage('darwin', 'arm64').name).toBe('@node-rs/argon2-darwin-arm64')
    // Each is one of the optional dependencies @node-rs/argon2 declares.
    const argon2Package = JSON.parse(readFileSync(join(repoRoot, 'node_modules/@node-rs/argon2/package.json'), 'utf8')) as { optionalDependencies: object }
    const declared = Object.keys(argon2Package.optionalDependencies)
    for (const [platform, arch] of [['linux', 'x64'], ['linux', 'arm64'], ['win32', 'x64'], ['win32', 'arm64'], ['darwin', 'x64'], ['darwin', 'arm64']] as const) {
      expect(declared).toContain(argon2BinaryPackage(platform, arch).name)
    }
  })

  it('finds the executable whose fuses it sets', () => {
    expect(electronExecutableIn('darwin', '/o', 'PortalDesk', 'portaldesk')).toBe('/o/PortalDesk.app/Contents/MacOS/PortalDesk')
    expect(electronExecutableIn('win32', '/o', 'PortalDesk', 'portaldesk')).toBe('/o/PortalDesk.exe')
    expect(electronExecutableIn('linux', '/o', 'PortalDesk', 'portaldesk')).toBe('/o/portaldesk')
  })

  it('refuses a package that lacks the argon2 binary of its target, before touching any fuse', async () => {
    const context = { electronPlatformName: 'linux', arch: 3, appOutDir: '/nonexistent/linux-arm64-unpacked', packager: { appInfo: { productFilename: 'PortalDesk' }, executableName: 'portaldesk' } }
    await expect(afterPack(context as never)).rejects.toThrow(/lacks @node-rs\/argon2-linux-arm64-gnu.*npm install --no-save --force @node-rs\/argon2-linux-arm64-gnu@\d+\.\d+\.\d+/)
  })

  it('sets the fuses in the packed executable once the argon2 binary of its target is there', async () => {
    const appOutDir = await mkdtemp(join(tmpdir(), 'portaldesk-after-pack-'))
    try {
      const argon2 = argon2BinaryPackage('linux', 'x64')
      const unpacked = join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', argon2.name)
      await mkdir(unpacked, { recursive: true })
      await writeFile(join(unpacked, argon2.file), '')
      // A stand-in for the Electron executable: the fuse wire as Electron lays it out (sentinel, wire
      // version 1, nine fuses), every fuse on, between other bytes.
      const wire = Buffer.concat([Buffer.from('ELF…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.from('111111111'), Buffer.from('…rest')])
      await writeFile(join(appOutDir, 'portaldesk'), wire)
      const context = { electronPlatformName: 'linux', arch: 1, appOutDir, packager: { appInfo: { productFilename: 'PortalDesk' }, executableName: 'portaldesk' } }
      await afterPack(context as never)
      const fuses = await getCurrentFuseWire(join(appOutDir, 'portaldesk'))
      expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
      expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE)
      expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE)
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
    } finally {
      await rm(appOutDir, { recursive: true, force: true })
    }
  })
})
