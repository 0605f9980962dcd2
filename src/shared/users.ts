import { z } from 'zod'
import { maxRecordId, pageLimit, pathId, recordId } from './numbers'
import { hasControlCharacter, hasInvisibleCharacter, hasLoneSurrogate, textCharacterMessages } from './text-characters'

export const userKinds = ['portal', 'internal'] as const
export const userKind = z.enum(userKinds)
export type UserKind = z.infer<typeof userKind>

export const operatorRoles = ['administrator', 'support'] as const
export const internalRoles = ['administrator', 'support', 'user'] as const
export const internalRole = z.enum(internalRoles)
export type InternalRole = z.infer<typeof internalRole>

export const userSortKeys = ['name', 'login', 'email', 'company', 'lastSignInAt'] as const
export type UserSortKey = (typeof userSortKeys)[number]
/** `name` sorts ascending, `-name` descending. */
export const userSort = z.enum([...userSortKeys, ...userSortKeys.map((k) => `-${k}` as const)] as [
  `${UserSortKey}` | `-${UserSortKey}`,
  ...(`${UserSortKey}` | `-${UserSortKey}`)[]
])
export type UserSort = z.infer<typeof userSort>

export const userStatuses = ['active', 'archived', 'all'] as const
export type UserStatus = (typeof userStatuses)[number]

/** "No sign-in for 90 days" of the `signIn=dormant` filter. */
export const dormantAfterDays = 90

const maxInt4 = maxRecordId
/** A database id in a query string or body (int4). */
/** A database id in a JSON body: a number, never coerced. */
const bodyId = z.number().int().positive().max(maxInt4)

export const userListLimit = { min: 1, max: 200, default: 50 } as const

/** Query of GET /api/v1/users and of the `users:list` channel. Numbers may arrive as strings (query string). */
export const userListQuery = z.object({
  kind: z.enum(['portal', 'internal', 'all']).default('all'),
  q: z.string().trim().max(200).optional(),
  sort: userSort.default('name'),
  limit: pageLimit(userListLimit),
  /** Opaque keyset cursor returned as `nextCursor` by the previous page. */
  cursor: z.string().min(1).max(1000).optional(),
  /**
   * Active (the default when absent), archived (deleted accounts included) or both. Not a zod
   * default, so that the parsed query of callers written before the filter existed still type-checks.
   */
  status: z.enum(userStatuses).optional(),
  /** Whether TOTP is enabled. */
  twoFactor: z.enum(['on', 'off']).optional(),
  /** `true`: locked right now (too many failed sign-ins); `false`: not locked. */
  locked: z.enum(['true', 'false']).optional(),
  /** `never` signed in, or `dormant`: signed in before, but not in the last 90 days. */
  signIn: z.enum(['never', 'dormant']).optional(),
  companyId: recordId.optional(),
  websiteId: recordId.optional()
})
export type UserListQuery = z.input<typeof userListQuery>
export type ParsedUserListQuery = z.output<typeof userListQuery>

const isoDateTime = z.iso.datetime({ offset: true })
/** A calendar day, YYYY-MM-DD. */
const isoDate = z.iso.date()

export const languages = ['en', 'zh-CN'] as const
export const invoiceDeliveries = ['email', 'postal'] as const

/** The user's fields of issue 3 beyond the skeleton's list item, named alike in list items and the detail. */
const userRecordFields = z.object({
  namePrefix: z.string().nullable(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  lastName: z.string().nullable(),
  nameSuffix: z.string().nullable(),
  /** Additional emails; the primary one is `email`. */
  emails: z.array(z.string()),
  birthday: isoDate.nullable(),
  /** GET it with the operator's bearer token; null when the user has no avatar. */
  avatarUrl: z.string().nullable(),
  street: z.string().nullable(),
  street2: z.string().nullable(),
  city: z.string().nullable(),
  zip: z.string().nullable(),
  state: z.string().nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().length(2).nullable(),
  invoiceDelivery: z.enum(invoiceDeliveries),
  language: z.enum(languages),
  /** Internal users only. */
  role: internalRole.nullable(),
  /** Locked right now by failed sign-ins (until `lockedUntil`). */
  locked: z.boolean(),
  lockedUntil: isoDateTime.nullable(),
  /** TOTP enabled. */
  twoFactor: z.boolean(),
  mustChangePassword: z.boolean(),
  companyId: z.number().int().positive().nullable(),
  websiteId: z.number().int().positive().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime
})

export const userListItem = z.object({
  id: z.number().int().positive(),
  kind: userKind,
  login: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  website: z.string().nullable(),
  active: z.boolean(),
  lastSignInAt: isoDateTime.nullable(),
  version: z.number().int().nonnegative(),
  // Issue 3 grew the record. Optional in the type only so that older fixtures still type-check: the
  // server always sends them (its responses use `completeUserListItem`, where they are required).
  ...userRecordFields.partial().shape
})
export type UserListItem = z.infer<typeof userListItem>
/** The list item as the server sends it: every field present. */
export const completeUserListItem = userListItem.required()

export const userFacets = z.object({
  kind: z.object({ portal: z.number().int().nonnegative(), internal: z.number().int().nonnegative() })
})
export type UserFacets = z.infer<typeof userFacets>

export const userListPage = z.object({
  items: z.array(userListItem),
  nextCursor: z.string().nullable(),
  facets: userFacets
})
export type UserListPage = z.infer<typeof userListPage>
export const completeUserListPage = userListPage.extend({ items: z.array(completeUserListItem) })
export type CompleteUserListPage = z.infer<typeof completeUserListPage>

export const userId = pathId

/**
 * An email change the user asked for and has not confirmed yet: until the new address follows its
 * link (or `expiresAt` passes), every email still goes to the confirmed primary address.
 */
export const pendingEmailChange = z.object({ address: z.string(), expiresAt: isoDateTime })
export type PendingEmailChange = z.infer<typeof pendingEmailChange>

/** One user: the list item's fields, plus what only the form needs. */
export const userDetail = userListItem.extend({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  role: internalRole.nullable(),
  language: z.enum(languages),
  city: z.string().nullable(),
  country: z.string().length(2).nullable(),
  companyId: z.number().int().positive().nullable(),
  websiteId: z.number().int().positive().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The company's VAT number (edited through this form, like the company name). */
  vat: z.string().nullable().optional(),
  /** Documents were issued for the user's company: country, company name and VAT are locked. */
  documentLocked: z.boolean().optional(),
  /** Oro's "Reset password": no sign-in until a new password is set through a link. */
  resetRequired: z.boolean().optional(),
  /** Set when the account was deleted (login `__deleted_user_<id>`); it cannot be restored. */
  deletedAt: isoDateTime.nullable().optional(),
  /** The user's own email change waiting for confirmation, if any. */
  pendingEmailChange: pendingEmailChange.nullable().optional()
})
export type UserDetail = z.infer<typeof userDetail>
/** The detail as the server sends it: every field present. */
export const completeUserDetail = userDetail.required()

// ---------------------------------------------------------------------------------------------
// Writes: POST /users, PATCH /users/:id, DELETE /users/:id. Unknown fields are refused (strict).

/** Officially assigned ISO 3166-1 alpha-2 codes. */
export const countryCodes: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' ')
)

/** Logins of deleted accounts look like this; nobody may choose one. */
export const deletedLoginPrefix = '__deleted_user_'

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine((value) => !hasLoneSurrogate(value), textCharacterMessages.loneSurrogate)
    .refine((value) => !hasControlCharacter(value), textCharacterMessages.control)
/** Names and logins: what people are told apart by may not hide invisible or direction-changing characters. */
export const identityText = (max: number) => text(max).refine((value) => !hasInvisibleCharacter(value), textCharacterMessages.invisible)
/** An optional text field: empty (or only spaces) clears it. */
const clearableText = (max: number, base = text) =>
  base(max)
    .nullable()
    .transform((value) => (value === '' ? null : value))

export const userLimits = { namePart: 100, affix: 40, name: 200, login: 254, email: 254, phone: 40, street: 200, city: 100, zip: 20, state: 100, companyName: 200, vat: 40 } as const

/**
 * The words of the user schemas' own refusals, by what they mean. The desk re-words a field issue
 * carrying one of these (in the form, before and after the server saw it) from its key.
 */
export const userFieldMessages = {
  required: 'Required.',
  loginRequired: 'The username is required.',
  loginSpaces: 'A username cannot contain spaces.',
  loginReserved: `Usernames starting with ${deletedLoginPrefix} are reserved.`,
  invalidEmail: 'Not a valid email address.',
  emailTwice: 'An email is listed twice.',
  tooManyEmails: 'At most 20 additional emails.',
  invalidPhone: 'Not a valid phone number.',
  birthdayTooEarly: 'A birthday cannot be before 1900.',
  invalidCountry: 'Not an ISO 3166-1 alpha-2 country code (such as DE or CN).',
  companyNameRequired: 'The company name cannot be empty.'
} as const

export const loginField = identityText(userLimits.login)
  .min(1, userFieldMessages.loginRequired)
  .refine((value) => !/\s/.test(value), userFieldMessages.loginSpaces)
  .refine((value) => !value.toLowerCase().startsWith(deletedLoginPrefix), userFieldMessages.loginReserved)
export const emailField = z.string().trim().max(userLimits.email, `At most ${userLimits.email} characters.`).pipe(z.email(userFieldMessages.invalidEmail))
const phoneField = text(userLimits.phone)
  .refine((value) => value === '' || (/^\+?[0-9\s().\-/]+$/.test(value) && /[0-9].*[0-9].*[0-9]/.test(value)), userFieldMessages.invalidPhone)
  .nullable()
  .transform((value) => (value === '' ? null : value))
/** The server also refuses a birthday after today (by its clock). */
const birthdayField = isoDate.refine((value) => value >= '1900-01-01', userFieldMessages.birthdayTooEarly).nullable()
const countryField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => countryCodes.has(value), userFieldMessages.invalidCountry)
  .nullable()
const requiredName = identityText(userLimits.namePart).min(1, userFieldMessages.required)

const editableFields = {
  namePrefix: clearableText(userLimits.affix, identityText),
  firstName: clearableText(userLimits.namePart, identityText),
  middleName: clearableText(userLimits.namePart, identityText),
  lastName: clearableText(userLimits.namePart, identityText),
  nameSuffix: clearableText(userLimits.affix, identityText),
  /** The display name; composed from the name parts when not given. */
  name: identityText(userLimits.name).min(1, 'The name cannot be empty.'),
  email: emailField.nullable(),
  emails: z
    .array(emailField)
    .max(20, userFieldMessages.tooManyEmails)
    .refine((list) => new Set(list.map((e) => e.toLowerCase())).size === list.length, userFieldMessages.emailTwice),
  phone: phoneField,
  birthday: birthdayField,
  street: clearableText(userLimits.street),
  street2: clearableText(userLimits.street),
  city: clearableText(userLimits.city),
  zip: clearableText(userLimits.zip),
  state: clearableText(userLimits.state),
  country: countryField,
  invoiceDelivery: z.enum(invoiceDeliveries),
  language: z.enum(languages),
  companyId: bodyId.nullable(),
  websiteId: bodyId.nullable(),
  mustChangePassword: z.boolean()
}
const optionalEditable = z.object(editableFields).partial().shape

/** The password as typed; the server checks it against the password policy. */
const newPassword = z.string().min(1, 'The password is required.').max(1024)

/**
 * POST /users. A portal user needs first name, surname, username and password (the Prim.io page),
 * a company and a website; an internal user needs its role.
 */
export const userCreateRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    ...optionalEditable,
    kind: z.literal('portal'),
    login: loginField,
    password: newPassword,
    firstName: requiredName,
    lastName: requiredName,
    companyId: bodyId,
    websiteId: bodyId
  }),
  z.strictObject({
    ...optionalEditable,
    kind: z.literal('internal'),
    login: loginField,
    role: internalRole,
    /** Optional: without one the user signs in only after a reset link. */
    password: newPassword.optional()
  })
])
export type UserCreateRequest = z.input<typeof userCreateRequest>

/**
 * PATCH /users/:id: the fields to change and the `version` that was read. `companyName` and `vat`
 * edit the user's company (all its users see the change).
 */
export const userUpdateRequest = z.strictObject({
  ...optionalEditable,
  version: z.number().int().min(1).max(maxInt4),
  login: loginField.optional(),
  role: internalRole.optional(),
  companyName: text(userLimits.companyName).min(1, userFieldMessages.companyNameRequired).optional(),
  vat: clearableText(userLimits.vat).optional()
})
export type UserUpdateRequest = z.input<typeof userUpdateRequest>

/** POST /users/:id/archive and /restore: optionally the version that was read. */
export const userLifecycleRequest = z.strictObject({ version: z.number().int().min(1).max(maxInt4).optional() })

/** DELETE /users/:id (Odoo's portal account deletion). */
export const userDeleteRequest = z.strictObject({
  /** Put the email and phone on the block list. */
  blocklist: z.boolean()
})
export type UserDeleteRequest = z.input<typeof userDeleteRequest>

/** Avatars: PNG, JPEG or WebP (recognized by their bytes), at most 1 MiB. */
export const avatarMaxBytes = 1024 * 1024
export const avatarTypes = ['image/png', 'image/jpeg', 'image/webp'] as const
