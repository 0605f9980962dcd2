/**
 * "Suggest password": 20 characters drawn uniformly from 68 symbols by the platform CSPRNG
 * (`crypto.getRandomValues`), about 121 bits, with at least one upper-case letter, lower-case letter,
 * digit and symbol. Look-alikes (0/O, 1/l/I) are left out so the password can be read aloud. So
 * random a string is far beyond zxcvbn's score 3 and the 8–128 length rule: it always passes the policy.
 */
const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const lower = 'abcdefghijkmnopqrstuvwxyz'
const digits = '23456789'
const symbols = '-_.!@#%+=*?'
const alphabet = upper + lower + digits + symbols
const classes = [upper, lower, digits, symbols]

export const suggestedPasswordLength = 20

export type RandomSource = (buffer: Uint32Array) => Uint32Array

/** A uniform index below `size`: values in the biased tail of the 32-bit range are drawn again. */
function randomIndex(size: number, random: RandomSource): number {
  const limit = Math.floor(0x1_0000_0000 / size) * size
  const cell = new Uint32Array(1)
  for (;;) {
    const value = random(cell)[0] ?? 0
    if (value < limit) return value % size
  }
}

/** `random` fills its buffer from a CSPRNG: `crypto.getRandomValues` in the renderer and in Node. */
export function suggestPassword(random: RandomSource): string {
  for (;;) {
    let password = ''
    for (let i = 0; i < suggestedPasswordLength; i++) password += alphabet[randomIndex(alphabet.length, random)]
    // Drawing again (rather than patching a character in) keeps every accepted password equally likely.
    if (classes.every((set) => [...password].some((char) => set.includes(char)))) return password
  }
}
