/** The portal server's release version, reported by /api/v1/health (kept equal to package.json by a unit test). */
export const serverVersion = '0.1.0'
