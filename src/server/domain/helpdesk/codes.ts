import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { verificationCodeLength } from '../../../shared/helpdesk'

/**
 * The helpdesk's verification codes: 6 digits from the CSPRNG, kept only as a salted SHA-256.
 * A 6-digit code is guessable offline whatever the hash; what protects it is its 10 minutes, its single
 * use and its few attempts. The salt only keeps equal codes from looking equal in the table.
 */
export function generateCode(): string {
  return randomInt(0, 10 ** verificationCodeLength).toString().padStart(verificationCodeLength, '0')
}

export function newCodeSalt(): Buffer {
  return randomBytes(16)
}

export function hashCode(code: string, salt: Buffer): Buffer {
  return createHash('sha256').update(salt).update(code, 'utf8').digest()
}

/** Constant-time comparison of a typed code with the stored hash. */
export function codeMatches(code: string, salt: Buffer, storedHash: Buffer): boolean {
  const candidate = hashCode(code, salt)
  return candidate.length === storedHash.length && timingSafeEqual(candidate, storedHash)
}
