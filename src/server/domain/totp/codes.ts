import { generateSecret, generateURI, verify } from 'otplib'

/** RFC 6238 defaults, which every authenticator app understands. */
export const totpPeriodSeconds = 30

/** One step either side of now: a code typed just before or after a step change still counts. */
const toleranceSeconds = 30

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 })
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, issuer: string, account: string): string {
  return generateURI({ issuer, label: account, secret, period: totpPeriodSeconds })
}

/**
 * The 30-second step a code belongs to when it is valid at `now` and newer than `lastUsedStep`, or
 * null. Remembering the step of every accepted code makes a code single use: replaying it, or an
 * older one, within the tolerance window fails.
 */
export async function acceptedTotpStep(secret: string, code: string, now: Date, lastUsedStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: toleranceSeconds,
      period: totpPeriodSeconds,
      ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {})
    })
    return result.valid && 'timeStep' in result ? result.timeStep : null
  } catch {
    // A secret the library cannot read (corrupt row) verifies nothing rather than failing the request.
    return null
  }
}
