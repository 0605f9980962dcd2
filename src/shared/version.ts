/** The release of PortalDesk, desk and portal server alike (kept equal to package.json by a unit test). */
export const releaseVersion = '0.1.0'
