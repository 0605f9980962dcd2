import type { Kysely } from 'kysely'
import { DeskError, type FieldIssue } from '../../../shared/errors'
import { refusal } from '../refusal'
import type { MeContactUpdate, MeProfile } from '../../../shared/portal'
import type { Database } from '../../db/schema'
import { diffChanges } from '../audit/changes'
import { recordAudit } from '../audit/record'
import { isBlocked } from '../blocklist/normalize'
import { companyHasDocuments, documentLockRefusal } from '../users/document-lock'
import { lockUser, updateUserVersioned } from '../users/versioned-update'
import { confirmOwnPassword, ownAuditContext } from '../account/confirm-password'
import type { AccountActor } from '../account/account-actor'
import { pendingEmailChangeOf } from '../email-change/pending'
import { requestEmailChange } from '../email-change/request'

/** GET /api/v1/me: the signed-in user's own record, without anything secret. */
export async function readProfile(db: Kysely<Database>, userId: number, now: Date): Promise<MeProfile> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('companies as c', 'c.id', 'u.company_id')
    .leftJoin('websites as w', 'w.id', 'u.website_id')
    .leftJoin('totp as t', 't.user_id', 'u.id')
    .select([
      'u.id',
      'u.login',
      'u.name',
      'u.email',
      'u.phone',
      'u.street',
      'u.street2',
      'u.city',
      'u.zip',
      'u.state',
      'u.country',
      'u.company_id',
      'c.name as company_name',
      'c.vat',
      'w.name as website',
      'u.invoice_delivery',
      'u.language',
      't.enabled_at',
      'u.last_sign_in_at',
      'u.version'
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst()
  if (!row) throw new DeskError('UNAUTHORIZED')
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    email: row.email,
    phone: row.phone,
    street: row.street,
    street2: row.street2,
    city: row.city,
    zip: row.zip,
    state: row.state,
    country: row.country,
    companyName: row.company_name,
    vat: row.vat,
    website: row.website,
    invoiceDelivery: row.invoice_delivery,
    language: row.language,
    twoFactor: row.enabled_at !== null,
    documentLock: await companyHasDocuments(db, row.company_id),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    pendingEmail: await pendingEmailChangeOf(db, row.id, now),
    version: row.version
  }
}

const sameAddress = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase()

export const passwordRequiredMessage = 'Enter your current password to change your email address.'
export const companySharedMessage =
  'Other users share your company, so its name and VAT number are theirs too. Ask an administrator to change them.'

/**
 * PATCH /api/v1/me: the contact form, with the version that was read (409 with currentVersion when
 * stale). Country, company name and VAT are refused (409 DOCUMENT_LOCKED, each locked field named,
 * with the "contact an administrator" message) once the company has documents; company name and VAT
 * are the company's, so they are refused too (403, `reason: 'companyShared'`) when other users share
 * it. A block-listed email or phone is refused.
 *
 * A new email address needs the current password (403 REAUTH_REQUIRED, `reason: 'passwordRequired'`
 * without it; a wrong one is 401 and counts as a failed sign-in) and only becomes pending
 * (`requestEmailChange`): the primary address stays until the new one confirms. Whether the new
 * address belongs to someone else changes nothing in the answer. A change of letter case only is
 * the same mailbox and applies at once.
 * One transaction with its audit row (`profile.update`, actor the user).
 */
export async function updateOwnContact(db: Kysely<Database>, actor: AccountActor, input: MeContactUpdate, links: { publicUrl: string }): Promise<void> {
  const passwordRequired = () => refusal('REAUTH_REQUIRED', 'passwordRequired', passwordRequiredMessage)
  const current = await db.selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirst()
  const passwordChecked = current !== undefined && !sameAddress(current.email, input.email)
  if (passwordChecked) {
    if (!input.currentPassword) throw passwordRequired()
    // Outside the transaction: a wrong guess must be recorded (and count toward the lock) even though the request fails.
    await confirmOwnPassword(db, actor, input.currentPassword)
  }
  await db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, actor.userId)
    const company = before.company_id === null ? undefined : await trx.selectFrom('companies').selectAll().where('id', '=', before.company_id).forUpdate().executeTakeFirst()

    const nextCompanyName = input.companyName === undefined ? (company?.name ?? null) : input.companyName
    const nextVat = input.vat === undefined ? (company?.vat ?? null) : input.vat
    const companyNameChanged = nextCompanyName !== (company?.name ?? null)
    const vatChanged = nextVat !== (company?.vat ?? null)
    const issues: FieldIssue[] = []

    if (await companyHasDocuments(trx, before.company_id)) {
      const locked = [input.country !== before.country && 'country', companyNameChanged && 'companyName', vatChanged && 'vat'].filter(
        (field): field is string => typeof field === 'string'
      )
      // Portal users never override the lock: the refusal tells them to contact an administrator.
      if (locked.length > 0) throw documentLockRefusal(locked, false)
    }
    if (company && (companyNameChanged || vatChanged) && (await companyHasOtherUsers(trx, company.id, actor.userId))) {
      throw refusal('FORBIDDEN', 'companyShared', companySharedMessage)
    }
    if (!company && (companyNameChanged || vatChanged)) {
      const message = 'Your account is not linked to a company. Contact an administrator to add one.'
      if (companyNameChanged) issues.push({ path: 'companyName', message })
      if (vatChanged) issues.push({ path: 'vat', message })
    }
    if (companyNameChanged && nextCompanyName === null) issues.push({ path: 'companyName', message: 'The company name cannot be removed.' })
    const emailChange = !sameAddress(before.email, input.email)
    // The address changed under us since the password question was settled: ask again rather than skip it.
    if (emailChange && !passwordChecked) throw passwordRequired()
    if (emailChange && (await isBlocked(trx, 'email', input.email))) {
      issues.push({ path: 'email', message: 'This email address cannot be used. Contact an administrator.' })
    }
    if (input.phone !== before.phone && (await isBlocked(trx, 'phone', input.phone))) {
      issues.push({ path: 'phone', message: 'This phone number cannot be used. Contact an administrator.' })
    }
    if (issues.length > 0) throw new DeskError('VALIDATION', issues[0]?.message, issues)

    const values = {
      name: input.name,
      // A new address waits for its confirmation; only a change of letter case applies now.
      email: emailChange ? before.email : input.email,
      phone: input.phone,
      street: input.street,
      city: input.city,
      country: input.country,
      street2: input.street2 ?? null,
      zip: input.zip ?? null,
      state: input.state ?? null,
      ...(input.invoiceDelivery === undefined ? {} : { invoice_delivery: input.invoiceDelivery })
    }
    await updateUserVersioned(trx, actor.userId, input.version, values, actor.now)
    const changes = diffChanges(before, values)
    if (company && (companyNameChanged || vatChanged)) {
      await trx
        .updateTable('companies')
        .set({ name: nextCompanyName ?? company.name, vat: nextVat, updated_at: actor.now })
        .where('id', '=', company.id)
        .execute()
      Object.assign(changes, diffChanges({ companyName: company.name, vat: company.vat }, { companyName: nextCompanyName, vat: nextVat }))
    }
    if (emailChange) {
      await requestEmailChange(trx, { user: before, newEmail: input.email, now: actor.now, publicUrl: links.publicUrl })
      changes.emailChangeRequested = { from: before.email, to: input.email }
    }
    await recordAudit(trx, ownAuditContext(actor), { action: 'profile.update', targetUserId: actor.userId, changes })
  })
}

/** Whether anyone but `userId` belongs to the company (archived users too: the name is on their record as well). */
async function companyHasOtherUsers(db: Kysely<Database>, companyId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('company_id', '=', companyId).where('id', '!=', userId).where('deleted_at', 'is', null).limit(1).executeTakeFirst()
  return row !== undefined
}
