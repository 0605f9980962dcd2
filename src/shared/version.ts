/** The release of PortalDesk, desk and portal server alike (kept equal to package.json by a unit test). */
export const releaseVersion = '0.1.0'

/**
 * The desktop app's id: the installers' app id (electron-builder.config.mjs, checked equal by a unit
 * test) and, on Windows, the AppUserModelID that lets its notifications show.
 */
export const desktopAppId = 'app.portaldesk.desk'
