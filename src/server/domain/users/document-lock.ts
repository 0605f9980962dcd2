import type { Kysely } from 'kysely'
import { DeskError, errorMessages, type FieldIssue } from '../../../shared/errors'
import type { Database } from '../../db/schema'

/**
 * The country lock: once invoices or orders were issued for a company, its users' country, the
 * company name and the VAT number are what those documents say, and must not drift. Moving the user
 * to another company changes the company name they carry, so it is locked too.
 */
export const documentLockedFields = ['country', 'companyName', 'vat', 'companyId'] as const
export type DocumentLockedField = (typeof documentLockedFields)[number]

export async function companyHasDocuments(db: Kysely<Database>, companyId: number | null): Promise<boolean> {
  if (companyId === null) return false
  const row = await db.selectFrom('documents').select('id').where('company_id', '=', companyId).limit(1).executeTakeFirst()
  return row !== undefined
}

export const documentLockMessage = errorMessages.DOCUMENT_LOCKED.en

/**
 * The refusal for a locked change (409 DOCUMENT_LOCKED naming each field), for operators and
 * portal users alike. `overridable` adds how an
 * administrator overrides it: the same request with a reason (X-Reason header).
 */
export function documentLockRefusal(fields: readonly string[], overridable: boolean): DeskError {
  const message = overridable
    ? `${documentLockMessage} Administrators may override the lock by giving a reason (X-Reason header).`
    : documentLockMessage
  const details: FieldIssue[] = fields.map((path) => ({ path, message: documentLockMessage }))
  return new DeskError('DOCUMENT_LOCKED', message, details)
}
