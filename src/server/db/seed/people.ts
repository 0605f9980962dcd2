import type { CompanySeed } from './companies'
import { cultures, prefixes, suffixes, type Culture, type NamePart } from './names'
import { demoPhone } from './phones'
import type { Random } from './random'

export interface UserSeed {
  id: number
  kind: 'portal' | 'internal'
  login: string
  namePrefix: string | null
  firstName: string | null
  middleName: string | null
  lastName: string | null
  nameSuffix: string | null
  name: string
  email: string | null
  phone: string | null
  companyId: number | null
  websiteId: number | null
  role: 'administrator' | 'support' | 'user' | null
  language: 'en' | 'zh-CN'
  city: string | null
  country: string | null
  active: boolean
  lastSignInAt: string | null
  createdAt: string
}

const dayMs = 86_400_000
const internalDomain = 'portal-ops.example'

/** Case-insensitive registry that makes logins and emails unique by adding a number when needed. */
export class UniqueNames {
  private readonly seen = new Map<string, number>()

  /** `anna.schmidt` → `anna.schmidt`, then `anna.schmidt2`, …; for an email the number goes before the `@`. */
  claim(value: string): string {
    const at = value.indexOf('@')
    const local = at < 0 ? value : value.slice(0, at)
    const domain = at < 0 ? '' : value.slice(at)
    let candidate = value
    let count = this.seen.get(candidate.toLowerCase()) ?? 0
    while (count > 0) {
      candidate = `${local}${count + 1}${domain}`
      if (!this.seen.has(candidate.toLowerCase())) break
      count++
    }
    this.seen.set(value.toLowerCase(), count + 1)
    this.seen.set(candidate.toLowerCase(), 1)
    return candidate
  }
}

interface InternalSpec {
  login: string
  first: string
  last: string
  name: string
  role: 'administrator' | 'support' | 'user'
  language?: 'en' | 'zh-CN'
  city: string
  country: string
  phone: string | null
  active?: boolean
}

/** The operator's own staff: `admin` and `support` can sign in to the desk, role `user` cannot. */
const internalStaff: readonly InternalSpec[] = [
  { login: 'admin', first: 'Portal', last: 'Administrator', name: 'Portal Administrator', role: 'administrator', city: 'Berlin', country: 'DE', phone: '+49 30 901820-10' },
  { login: 'support', first: 'Support', last: 'Agent', name: 'Support Agent', role: 'support', city: 'Berlin', country: 'DE', phone: '+49 30 901820-20' },
  { login: 'li.na', first: '娜', last: '李', name: '李娜', role: 'support', language: 'zh-CN', city: '上海', country: 'CN', phone: '+86 21 6123 4567' },
  { login: 'm.garcia', first: 'María', last: 'García', name: 'María García', role: 'support', city: 'Madrid', country: 'ES', phone: '+34 91 123 45 67' },
  { login: 't.becker', first: 'Tobias', last: 'Becker', name: 'Tobias Becker', role: 'administrator', city: 'Berlin', country: 'DE', phone: null },
  { login: 'j.okafor', first: 'Chinedu', last: 'Okafor', name: 'Chinedu Okafor', role: 'user', city: 'London', country: 'GB', phone: '+44 20 7946 0321' },
  { login: 'e.novak', first: 'Eva', last: 'Novák', name: 'Eva Novák', role: 'user', city: 'Praha', country: 'CZ', phone: null },
  { login: 'wang.fang', first: '芳', last: '王', name: '王芳', role: 'user', language: 'zh-CN', city: '杭州', country: 'CN', phone: '13800138000' },
  { login: 'r.oldfield', first: 'Robert', last: 'Oldfield', name: 'Robert Oldfield', role: 'support', city: 'Leeds', country: 'GB', phone: null, active: false }
]

export function internalUsers(random: Random, now: Date, logins: UniqueNames, emails: UniqueNames): UserSeed[] {
  return internalStaff.map((spec, index) => {
    const created = now.getTime() - (900 - index * 40) * dayMs
    const signedIn = spec.login === 'admin' || spec.login === 'support' ? null : created + random.int(30, 600) * dayMs
    return {
      id: index + 1,
      kind: 'internal',
      login: logins.claim(spec.login),
      namePrefix: null,
      firstName: spec.first,
      middleName: null,
      lastName: spec.last,
      nameSuffix: null,
      name: spec.name,
      email: emails.claim(`${spec.login}@${internalDomain}`),
      phone: spec.phone,
      companyId: null,
      websiteId: null,
      role: spec.role,
      language: spec.language ?? 'en',
      city: spec.city,
      country: spec.country,
      active: spec.active ?? true,
      lastSignInAt: signedIn === null ? null : new Date(Math.min(signedIn, now.getTime())).toISOString(),
      createdAt: new Date(created).toISOString()
    }
  })
}

export interface PortalUserContext {
  random: Random
  now: Date
  companies: readonly CompanySeed[]
  logins: UniqueNames
  emails: UniqueNames
}

/** Yields portal users in batches; ids continue after `firstId`. Memory stays flat for a million users. */
export function* portalUserBatches(context: PortalUserContext, count: number, firstId: number, batchSize: number): Generator<UserSeed[]> {
  const pickCompany = companyPicker(context.random, context.companies)
  let batch: UserSeed[] = []
  for (let i = 0; i < count; i++) {
    batch.push(portalUser(context, pickCompany(), firstId + i))
    if (batch.length === batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** Bigger contractors first: company i gets a weight of 1/(i+1)^0.6. Binary search keeps it fast. */
function companyPicker(random: Random, companies: readonly CompanySeed[]): () => CompanySeed {
  const cumulative: number[] = []
  let total = 0
  companies.forEach((_, index) => {
    total += 1 / Math.pow(index + 1, 0.6)
    cumulative.push(total)
  })
  return () => {
    const roll = random.next() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if ((cumulative[mid] ?? 0) > roll) high = mid
      else low = mid + 1
    }
    const company = companies[low]
    if (!company) throw new Error('no company to place a portal user in')
    return company
  }
}

const culturesByCountry = new Map<string, Culture[]>()
for (const culture of cultures) {
  for (const country of culture.countries) culturesByCountry.set(country, [...(culturesByCountry.get(country) ?? []), culture])
}
const englishCulture = cultures.find((c) => c.id === 'en') ?? cultures[0]

function portalUser(context: PortalUserContext, company: CompanySeed, id: number): UserSeed {
  const { random, now } = context
  const local = culturesByCountry.get(company.country)
  const culture = local && random.chance(0.75) ? random.pick(local) : random.pick(cultures)
  const country = culture.countries.includes(company.country) ? company.country : random.pick(culture.countries)

  // Some Chinese colleagues go by an English given name: "Kevin Zhang".
  const westernised = culture.id === 'zh' && englishCulture !== undefined && random.chance(0.15)
  const given: NamePart = westernised && englishCulture ? random.pick(englishCulture.given) : random.pick(culture.given)
  const familyPart = random.pick(culture.family)
  const family: NamePart = westernised ? { text: capitalize(familyPart.ascii), ascii: familyPart.ascii } : familyPart
  const middle = culture.id === 'en' && random.chance(0.12) ? random.pick(culture.given) : null
  const prefix = !culture.familyFirst && random.chance(0.05) ? random.pick(prefixes) : null
  const suffix = culture.id === 'en' && random.chance(0.02) ? random.pick(suffixes) : null
  const core = culture.familyFirst && !westernised
    ? `${family.text}${culture.joiner}${given.text}`
    : [given.text, middle?.text, family.text].filter(Boolean).join(' ')
  const name = [prefix, core, suffix].filter(Boolean).join(' ')

  const email = random.chance(0.03) ? null : context.emails.claim(emailFor(random, given, family, random.chance(0.7) ? company.domain : random.pick(culture.mailDomains)))
  const login = email !== null && random.chance(0.6) ? email : context.logins.claim(usernameFor(random, given, family))

  const neverSignedIn = random.chance(0.22)
  const lastSignIn = neverSignedIn ? null : now.getTime() - Math.floor(730 * Math.pow(random.next(), 2) * dayMs)
  const created = (lastSignIn ?? now.getTime()) - random.int(1, 1500) * dayMs - random.int(0, dayMs - 1)

  return {
    id,
    kind: 'portal',
    login,
    namePrefix: prefix,
    firstName: given.text,
    middleName: middle?.text ?? null,
    lastName: family.text,
    nameSuffix: suffix,
    name,
    email,
    phone: random.chance(0.85) ? demoPhone(random, country) : null,
    companyId: company.id,
    websiteId: company.id,
    role: null,
    language: culture.language === 'zh-CN' && !(westernised && random.chance(0.5)) ? 'zh-CN' : 'en',
    city: random.chance(0.8) ? random.pick(company.cities) : null,
    country,
    active: random.chance(0.94),
    lastSignInAt: lastSignIn === null ? null : new Date(lastSignIn).toISOString(),
    createdAt: new Date(created).toISOString()
  }
}

function emailFor(random: Random, given: NamePart, family: NamePart, domain: string): string {
  const a = given.ascii || 'user'
  const b = family.ascii || 'user'
  const local = random.weighted<string>([
    [`${a}.${b}`, 35],
    [`${a[0]}${b}`, 15],
    [`${a}${b}`, 10],
    [`${b}.${a}`, 10],
    [`${a}_${b}`, 8],
    [`${a[0]}.${b}`, 12],
    [a, 5],
    [`${b}${a[0]}`, 5]
  ])
  const cased = random.chance(0.04) ? local.split('.').map(capitalize).join('.') : local
  return `${cased}@${domain}`
}

function usernameFor(random: Random, given: NamePart, family: NamePart): string {
  const a = given.ascii || 'user'
  const b = family.ascii || 'user'
  const username = random.weighted<string>([
    [`${a[0]}${b}`, 40],
    [`${a}.${b}`, 25],
    [`${b}${a[0]}`, 15],
    [`${a}${b}`, 10],
    [`${b}_${a}`, 10]
  ])
  return random.chance(0.1) ? capitalize(username) : username
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

