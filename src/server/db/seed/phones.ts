import type { Random } from './random'

/**
 * Phone numbers as people really type them: international or national, with spaces, dashes,
 * dots or parentheses. North American and British numbers use the ranges reserved for fiction.
 */
export function demoPhone(random: Random, country: string): string {
  const d = (n: number) => random.digits(n)
  const nonZero = () => String(random.int(1, 9))
  switch (country) {
    case 'US':
    case 'CA': {
      const area = random.pick(['212', '312', '415', '512', '617', '206', '416', '514'])
      const line = `01${d(2)}`
      return random.pick([`+1 (${area}) 555-${line}`, `${area}-555-${line}`, `(${area}) 555-${line}`, `+1 ${area} 555 ${line}`, `${area}.555.${line}`])
    }
    case 'GB':
    case 'IE':
      return random.pick([`+44 20 7946 0${d(3)}`, `020 7946 0${d(3)}`, `+44 7700 900${d(3)}`, `07700 900${d(3)}`])
    case 'DE':
    case 'AT':
      return random.pick([`+49 30 ${nonZero()}${d(7)}`, `030 ${nonZero()}${d(6)}`, `+49 (0)89 ${d(4)}-${d(3)}`, `0711/${d(3)} ${d(4)}`])
    case 'CH':
      return random.pick([`+41 44 ${d(3)} ${d(2)} ${d(2)}`, `044 ${d(3)} ${d(2)} ${d(2)}`])
    case 'FR':
    case 'BE':
      return random.pick([`+33 1 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`, `01 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`, `+33 6 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`])
    case 'CN':
    case 'TW':
      return random.pick([`+86 13${d(1)} ${d(4)} ${d(4)}`, `13${d(9)}`, `+86 21 ${d(4)} ${d(4)}`, `021-${d(8)}`, `(010) ${d(4)}-${d(4)}`])
    case 'JP':
      return random.pick([`+81 3-${d(4)}-${d(4)}`, `03-${d(4)}-${d(4)}`, `090-${d(4)}-${d(4)}`])
    case 'IN':
      return random.pick([`+91 98${d(3)} ${d(5)}`, `098${d(3)} ${d(5)}`, `+91-22-${d(8)}`])
    case 'ES':
      return random.pick([`+34 91 ${d(3)} ${d(2)} ${d(2)}`, `6${d(2)} ${d(3)} ${d(3)}`])
    case 'IT':
      return random.pick([`+39 02 ${d(4)} ${d(4)}`, `3${d(2)} ${d(3)} ${d(4)}`])
    case 'NL':
      return random.pick([`+31 20 ${d(3)} ${d(4)}`, `06-${d(8)}`])
    case 'AU':
      return random.pick([`+61 2 ${d(4)} ${d(4)}`, `04${d(2)} ${d(3)} ${d(3)}`])
    case 'SG':
      return random.pick([`+65 6${d(3)} ${d(4)}`, `${random.pick(['8', '9'])}${d(3)} ${d(4)}`])
    default:
      return `+${random.int(30, 99)} ${d(3)} ${d(3)} ${d(3)}`
  }
}
