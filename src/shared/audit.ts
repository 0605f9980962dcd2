import { z } from 'zod'
import { verificationMethods } from './helpdesk'
import { pageLimit, recordId } from './numbers'

export const auditActorRoles = ['administrator', 'support', 'portal', 'system'] as const

export const auditListLimit = { min: 1, max: 200, default: 50 } as const

const id = recordId
const isoDateTime = z.iso.datetime({ offset: true })

/** Query of GET /api/v1/audit: newest first, keyset pages. Numbers may arrive as strings. */
export const auditListQuery = z
  .object({
    /** The user the action was about. */
    userId: id.optional(),
    /** The operator (or portal user) who acted. */
    actorId: id.optional(),
    action: z
      .string()
      .trim()
      .max(64)
      .regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/, 'An action looks like user.create or password.set')
      .optional(),
    /** Inclusive lower bound. */
    from: isoDateTime.optional(),
    /** Exclusive upper bound. */
    to: isoDateTime.optional(),
    limit: pageLimit(auditListLimit),
    cursor: z.string().min(1).max(200).optional()
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['to'] })
export type AuditListQuery = z.input<typeof auditListQuery>
export type ParsedAuditListQuery = z.output<typeof auditListQuery>

export const auditFieldChange = z.object({ from: z.unknown(), to: z.unknown() })

export const auditEntry = z.object({
  /** int8 identity, as a string. */
  id: z.string().regex(/^\d+$/),
  at: isoDateTime,
  actor: z.object({
    id: z.number().int().positive().nullable(),
    login: z.string().nullable(),
    role: z.enum(auditActorRoles)
  }),
  target: z
    .object({ id: z.number().int().positive(), login: z.string().nullable(), name: z.string().nullable() })
    .nullable(),
  action: z.string(),
  changes: z.record(z.string(), auditFieldChange),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  ticketRef: z.string().nullable(),
  reason: z.string().nullable(),
  /** How the caller was verified before the action (helpdesk, issue 5); absent on older rows' fixtures. */
  verificationMethod: z.enum(verificationMethods).nullable().optional()
})
export type AuditEntry = z.infer<typeof auditEntry>

export const auditPage = z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() })
export type AuditPage = z.infer<typeof auditPage>

/**
 * Why the audit chain is broken at a row: it was edited in place, rows before it are missing, it no
 * longer links to the row before it (that one was replaced, or rows were spliced in), or (against a
 * head recorded earlier) rows after it, the last one, are missing.
 */
export const auditChainBreakReasons = ['contentChanged', 'rowMissing', 'chainRelinked', 'tailMissing'] as const
export type AuditChainBreakReason = (typeof auditChainBreakReasons)[number]

export const auditChainBreak = z.object({
  /** The audit row's id (int8, as a string): the first row that does not fit (for `tailMissing`, the last row left; 0 when none). */
  id: z.string().regex(/^\d+$/),
  /** Its place in the chain. */
  seq: z.string().regex(/^\d+$/),
  reason: z.enum(auditChainBreakReasons)
})
export type AuditChainBreak = z.infer<typeof auditChainBreak>

/** The last row of an intact chain: kept elsewhere, it shows later whether rows were cut from the end. */
export const auditChainHead = z.object({ seq: z.string().regex(/^\d+$/), hash: z.string().regex(/^[0-9a-f]{64}$/) })
export type AuditChainHead = z.infer<typeof auditChainHead>

/** What a walk of the whole chain found. */
export const auditChainReport = z.object({
  intact: z.boolean(),
  /** Rows verified: all of them when intact, those before the break otherwise. */
  rows: z.number().int().min(0),
  brokenAt: auditChainBreak.optional(),
  /** Set when intact; null for an empty log. */
  head: auditChainHead.nullable().optional()
})
export type AuditChainReport = z.infer<typeof auditChainReport>

/** GET /api/v1/audit/integrity: the latest walk of the chain, and when it ran. */
export const auditIntegrity = auditChainReport.extend({ checkedAt: isoDateTime })
export type AuditIntegrity = z.infer<typeof auditIntegrity>
