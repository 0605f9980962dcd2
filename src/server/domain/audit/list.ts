import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import type { AuditEntry, AuditPage, ParsedAuditListQuery } from '../../../shared/audit'
import { DeskError } from '../../../shared/errors'
import type { Database } from '../../db/schema'

/** Where the previous page ended: newest first, so the next page is strictly older than (at, id). */
interface AuditCursor {
  at: string
  id: string
}

const cursorBody = z.object({ a: z.iso.datetime(), i: z.string().regex(/^[1-9]\d{0,18}$/) })

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify({ a: cursor.at, i: cursor.id }), 'utf8').toString('base64url')
}

export function decodeAuditCursor(text: string): AuditCursor {
  const invalid = new DeskError('VALIDATION', 'The cursor is not valid; start again from the first page.', [
    { path: 'cursor', message: 'The cursor is not valid; start again from the first page.' }
  ])
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw invalid
  try {
    const parsed = cursorBody.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')))
    return { at: parsed.a, id: parsed.i }
  } catch {
    throw invalid
  }
}

export interface AuditListScope {
  /** Support agents read the audit of portal users only. */
  portalTargetsOnly: boolean
}

/** A page of the audit log, newest first, filtered; `(at, id)` keyset over the audit indexes. */
export async function listAudit(db: Kysely<Database>, query: ParsedAuditListQuery, scope: AuditListScope): Promise<AuditPage> {
  let select = db
    .selectFrom('audit_log as a')
    .leftJoin('users as t', 't.id', 'a.target_user_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'a.actor_login',
      'a.actor_role',
      'a.target_user_id',
      't.login as target_login',
      't.name as target_name',
      'a.action',
      'a.changes',
      'a.ip',
      'a.user_agent',
      'a.ticket_ref',
      'a.reason',
      'a.verification_method'
    ])
  if (query.userId !== undefined) select = select.where('a.target_user_id', '=', query.userId)
  if (query.actorId !== undefined) select = select.where('a.actor_id', '=', query.actorId)
  if (query.action !== undefined) select = select.where('a.action', '=', query.action)
  if (query.from !== undefined) select = select.where('a.at', '>=', new Date(query.from))
  if (query.to !== undefined) select = select.where('a.at', '<', new Date(query.to))
  if (scope.portalTargetsOnly) select = select.where('t.kind', '=', 'portal')
  if (query.cursor !== undefined) {
    const cursor = decodeAuditCursor(query.cursor)
    select = select.where(sql<boolean>`(a.at, a.id) < (${new Date(cursor.at)}::timestamptz, ${cursor.id}::bigint)`)
  }
  const rows = await select.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(query.limit + 1).execute()
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map(
      (row): AuditEntry => ({
        id: row.id,
        at: row.at.toISOString(),
        actor: { id: row.actor_id, login: row.actor_login, role: row.actor_role },
        target: row.target_user_id === null ? null : { id: row.target_user_id, login: row.target_login, name: row.target_name },
        action: row.action,
        changes: row.changes as AuditEntry['changes'],
        ip: row.ip,
        userAgent: row.user_agent,
        ticketRef: row.ticket_ref,
        reason: row.reason,
        verificationMethod: row.verification_method
      })
    ),
    nextCursor: rows.length > query.limit && last ? encodeAuditCursor({ at: last.at.toISOString(), id: last.id }) : null
  }
}
