// electron-builder's afterPack hook: runs on each unpacked app (one per platform and arch) before it
// becomes an installer. It refuses a package that lacks the password hasher's native binary for its
// target, then sets the Electron fuses.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses'
import builder from 'electron-builder'

/**
 * The fuses baked into the packaged Electron binary. Off: running it as plain Node, NODE_OPTIONS and
 * --inspect, each a way to run other code with the app's identity. On: cookies encrypted with the OS
 * key, and the app loaded only from its own app.asar, checked against the hash recorded at build time.
 * The embedded portal runs in a utilityProcess, which needs none of the switched-off ones.
 */
export const packagedFuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true
}

/**
 * The npm package holding @node-rs/argon2's prebuilt binary for a target: npm installs only the
 * build machine's own, so a package for another system or arch lacks it unless it was added.
 * @param {string} platform Electron's name: linux, darwin, win32
 * @param {string} arch x64 or arm64
 */
export function argon2BinaryPackage(platform, arch) {
  const triple = platform === 'linux' ? `linux-${arch}-gnu` : platform === 'win32' ? `win32-${arch}-msvc` : `${platform}-${arch}`
  return { name: `@node-rs/argon2-${triple}`, file: `argon2.${triple}.node` }
}

/**
 * The app's main executable, where the fuses live.
 * @param {string} platform
 * @param {string} appOutDir
 * @param {string} productFilename
 * @param {string} executableName
 */
export function electronExecutableIn(platform, appOutDir, productFilename, executableName) {
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${productFilename}.app`, 'Contents', 'MacOS', productFilename)
  if (platform === 'win32') return join(appOutDir, `${productFilename}.exe`)
  return join(appOutDir, executableName)
}

/** @param {import('electron-builder').AfterPackContext} context */
export async function afterPack(context) {
  const platform = context.electronPlatformName
  const arch = builder.Arch[context.arch]
  const { productFilename } = context.packager.appInfo
  const resources = platform === 'darwin' ? join(context.appOutDir, `${productFilename}.app`, 'Contents', 'Resources') : join(context.appOutDir, 'resources')
  const argon2 = argon2BinaryPackage(platform, arch)
  if (!existsSync(join(resources, 'app.asar.unpacked', 'node_modules', argon2.name, argon2.file))) {
    const { version } = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@node-rs/argon2/package.json'), 'utf8'))
    // npm refuses another system's package without --force; --no-save keeps package.json as it is.
    throw new Error(
      `The ${platform}-${arch} package lacks ${argon2.name}, the password hasher's binary for that system, so its portal could not start. ` +
        `Build it on ${platform}-${arch}, or first run: npm install --no-save --force ${argon2.name}@${version} (one command for all the missing ones).`
    )
  }
  const executableName = /** @type {{ executableName?: string }} */ (context.packager).executableName ?? productFilename
  // An arm64 macOS binary must stay signed; flipping fuses breaks its ad-hoc signature unless reset.
  await flipFuses(electronExecutableIn(platform, context.appOutDir, productFilename, executableName), {
    ...packagedFuses,
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64'
  })
}
