import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2'

/** `Algorithm.Argon2id`; the enum is a `const enum`, which isolated modules cannot read at run time. */
const argon2id: Algorithm = 2

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
export const passwordHashOptions: Options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

/**
 * The hash of a random password nobody knows, with the production parameters. An unknown login is
 * verified against it, so that it costs as much time as a known one: timing reveals nothing.
 */
export const unknownUserHash = '$argon2id$v=19$m=19456,t=2,p=1$UlnF9hKs53NuWFXWss22lQ$Luj/EjEiV3oS3fpReH+E68NYQ8ize8qk0YbgcpeuKPI'

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions)
}

/** False for a wrong password and for a hash that cannot be read; never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
