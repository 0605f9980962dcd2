import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes as base64url: 43 characters, no padding. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/

export interface IssuedToken {
  /** Given to the client once; never stored. */
  token: string
  /** What the database keeps. */
  hash: Buffer
}

export function issueToken(): IssuedToken {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest()
}

export function isWellFormedToken(token: string): boolean {
  return tokenPattern.test(token)
}

/** The token from an `Authorization: Bearer <token>` header, or null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim())
  const token = match?.[1]
  return token && isWellFormedToken(token) ? token : null
}
