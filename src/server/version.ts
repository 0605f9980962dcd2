import { releaseVersion } from '../shared/version'

/** The portal server's release version, reported by /api/v1/health: the desk's own, since they ship together. */
export const serverVersion = releaseVersion
