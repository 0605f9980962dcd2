import type { Kysely, Updateable } from 'kysely'
import type { z } from 'zod'
import type { userUpdateRequest } from '../../../shared/users'
import type { Database, UserRow, UsersTable } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { fieldChange, type AuditChanges } from '../audit/changes'
import { recordAudit, type AuditContext } from '../audit/record'
import { cancelPendingEmailChanges } from '../email-change/pending'
import { maskEmail } from '../helpdesk/mask'
import { enqueueMail } from '../mail/outbox'
import type { PermissionAction } from '../permissions'
import { companyHasDocuments, documentLockRefusal, type DocumentLockedField } from './document-lock'
import { assertBirthdayNotInFuture, assertCompanyAndWebsiteExist, assertNotDeleted, composeName, userColumnOfField, type EditableUserField } from './fields'
import { assertLoginAvailable, loginColumns } from './login-identity'
import { lockUser, staleVersion, updateUserVersioned } from './versioned-update'
import { fieldRefusal } from '../refusal'

export type ParsedUserUpdate = z.output<typeof userUpdateRequest>

export interface UpdateUserOptions {
  /** Who changes the user: their own role cannot be changed by themselves. */
  actorId: number
  /**
   * Authorizes what the change needs (always `users.update`; `users.changeLogin`, `changeEmail`,
   * `changeRole` and `overrideDocumentLock` when it does those) and returns the audit context;
   * throws the refusal (403 FORBIDDEN / REAUTH_REQUIRED). Called inside the transaction, after
   * the row is locked and its version checked, so that it judges the change that will be written.
   */
  authorize(actions: PermissionAction[]): AuditContext
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * PATCH /users/:id: applies the changed fields if `version` is still current (else 409 with the
 * current version), enforcing the country lock, and records one `user.update` row with the fields'
 * before → after. Nothing is written when nothing changes. Returns whether anything changed.
 * A new email (an administrator vouches for it: it counts as confirmed) replaces any change the user
 * had pending, and the old address is told; the audit row keeps both addresses.
 */
export async function updateUser(db: Kysely<Database>, id: number, input: ParsedUserUpdate, options: UpdateUserOptions): Promise<boolean> {
  return withTransaction(db, async (trx) => {
    const before = await lockUser(trx, id)
    if (before.version !== input.version) throw staleVersion(before.version)
    assertNotDeleted(before)

    const values: Updateable<UsersTable> = {}
    const changes: AuditChanges = {}
    for (const field of Object.keys(userColumnOfField) as EditableUserField[]) {
      const next = input[field]
      if (next === undefined) continue
      const column = userColumnOfField[field]
      if (sameValue(before[column], next)) continue
      Object.assign(values, { [column]: next })
      changes[field] = fieldChange(field, before[column], next)
    }
    // The display name follows its parts unless someone had made it differ from them.
    const partsChanged = ['namePrefix', 'firstName', 'middleName', 'lastName', 'nameSuffix'].some((field) => field in changes)
    if (input.name === undefined && partsChanged) {
      const previous = composeName({ namePrefix: before.name_prefix, firstName: before.first_name, middleName: before.middle_name, lastName: before.last_name, nameSuffix: before.name_suffix })
      const next = composeName({
        namePrefix: values.name_prefix === undefined ? before.name_prefix : values.name_prefix,
        firstName: values.first_name === undefined ? before.first_name : values.first_name,
        middleName: values.middle_name === undefined ? before.middle_name : values.middle_name,
        lastName: values.last_name === undefined ? before.last_name : values.last_name,
        nameSuffix: values.name_suffix === undefined ? before.name_suffix : values.name_suffix
      })
      if (previous === before.name && next !== '' && next !== before.name) {
        values.name = next
        changes.name = fieldChange('name', before.name, next)
      }
    }

    if ('role' in changes) {
      if (before.kind !== 'internal') throw fieldRefusal('VALIDATION', 'roleOfPortalUser', 'role', 'Only internal users have a role.')
      if (before.id === options.actorId) throw fieldRefusal('VALIDATION', 'ownRole', 'role', 'You cannot change your own role; ask another administrator.')
    }
    await assertCompanyAndWebsiteExist(trx, { companyId: values.company_id, websiteId: values.website_id })

    // The company's own fields, edited through the user (like Odoo's contact form).
    const company =
      before.company_id === null ? null : await trx.selectFrom('companies').select(['id', 'name', 'vat']).where('id', '=', before.company_id).forUpdate().executeTakeFirst()
    const companyValues: { name?: string; vat?: string | null } = {}
    if (input.companyName !== undefined && input.companyName !== company?.name) companyValues.name = input.companyName
    if (input.vat !== undefined && input.vat !== (company?.vat ?? null)) companyValues.vat = input.vat
    if (Object.keys(companyValues).length > 0 && !company) {
      throw fieldRefusal('VALIDATION', 'noCompany', companyValues.name !== undefined ? 'companyName' : 'vat', 'The user has no company; choose one first (companyId).')
    }
    if (companyValues.name !== undefined) changes.companyName = fieldChange('companyName', company?.name, companyValues.name)
    if (companyValues.vat !== undefined) changes.vat = fieldChange('vat', company?.vat, companyValues.vat)

    if (Object.keys(changes).length === 0) {
      options.authorize(['users.update'])
      return false
    }

    const actions: PermissionAction[] = ['users.update']
    if ('email' in changes) actions.push('users.changeEmail')
    if ('login' in changes) actions.push('users.changeLogin')
    if ('role' in changes) actions.push('users.changeRole')
    const locked: DocumentLockedField[] = (['country', 'companyName', 'vat', 'companyId'] as const).filter((field) => field in changes)
    const lockApplies = locked.length > 0 && (await companyHasDocuments(trx, before.company_id))
    if (lockApplies) actions.push('users.overrideDocumentLock')
    const audit = options.authorize(actions)
    if (lockApplies) {
      // Only an administrator gets here (the action is theirs alone); the override needs a reason.
      if (!audit.reason) throw documentLockRefusal(locked, true)
      changes.documentLockOverride = fieldChange('documentLockOverride', false, true)
    }
    if ('birthday' in changes) assertBirthdayNotInFuture(input.birthday, audit.at)
    if (values.login !== undefined) {
      await assertLoginAvailable(trx, values.login, id)
      Object.assign(values, loginColumns(values.login))
    }

    if (company && Object.keys(companyValues).length > 0) {
      await trx.updateTable('companies').set({ ...companyValues, updated_at: audit.at }).where('id', '=', company.id).execute()
    }
    await updateUserVersioned(trx, id, before.version, values, audit.at)
    if ('email' in changes) await noteAdministratorEmailChange(trx, before, values.email ?? null, changes, audit.at)
    await recordAudit(trx, audit, { action: 'user.update', targetUserId: id, changes })
    return true
  })
}

/** The old address hears of an administrator's change (a change of letter case only is the same mailbox). */
async function noteAdministratorEmailChange(trx: Kysely<Database>, before: UserRow, next: string | null, changes: AuditChanges, now: Date): Promise<void> {
  const cancelled = await cancelPendingEmailChanges(trx, before.id, now)
  if (cancelled > 0) changes.pendingEmailChanges = fieldChange('pendingEmailChanges', cancelled, 0)
  if (!before.email || before.email.toLowerCase() === next?.toLowerCase()) return
  const mail = await enqueueMail(trx, {
    userId: before.id,
    to: before.email,
    language: before.language,
    template: 'emailChangedByAdministrator',
    data: { name: before.name, maskedNewEmail: maskEmail(next), changedAt: now.toISOString() },
    now
  })
  changes.oldEmailNotified = fieldChange('oldEmailNotified', null, mail.status)
}
