import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { DeskError } from '../../../shared/errors'
import { operatorRoles, type userCreateRequest } from '../../../shared/users'
import type { Database, NewUserRow } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { diffChanges } from '../audit/changes'
import { recordAudit, type AuditContext } from '../audit/record'
import { hashPassword } from '../auth/passwords'
import { checkPasswordPolicy } from '../passwords/policy'
import type { PermissionAction } from '../permissions'
import { assertBirthdayNotInFuture, assertCompanyAndWebsiteExist, composeName, invalidField } from './fields'
import { assertLoginAvailable, loginColumns } from './login-identity'

export type ParsedUserCreate = z.output<typeof userCreateRequest>

/**
 * What creating this user needs: `users.create`, and `users.changeRole` (a fresh re-authentication)
 * when the new account is an operator. Giving someone the administrator or support role at creation
 * is the same grant as changing a role to it, and must not be a way around that check.
 */
export function creationActions(input: ParsedUserCreate): PermissionAction[] {
  const grantsOperatorRole = input.kind === 'internal' && (operatorRoles as readonly string[]).includes(input.role)
  return grantsOperatorRole ? ['users.create', 'users.changeRole'] : ['users.create']
}

/**
 * Creates a portal or internal user (POST /users) and records `user.create`. The password goes
 * through the policy and is stored as an argon2id hash; a duplicate login or email is 409 naming
 * the field (the unique indexes are case-insensitive and cover archived users too).
 */
export async function createUser(db: Kysely<Database>, input: ParsedUserCreate, audit: AuditContext): Promise<number> {
  const now = audit.at
  assertBirthdayNotInFuture(input.birthday, now)
  const name = input.name ?? composeName(input)
  if (name === '') throw invalidField('name', 'Give a name, or a first or last name to compose it from.')
  let passwordHash: string | null = null
  if (input.password !== undefined) {
    const policy = checkPasswordPolicy(input.password, { userInputs: [input.login, name, input.email ?? ''] })
    if (!policy.ok) throw new DeskError('VALIDATION', policy.issues[0]?.message, policy.issues)
    passwordHash = await hashPassword(input.password)
  }
  const values: NewUserRow = {
    kind: input.kind,
    ...loginColumns(input.login),
    name,
    name_prefix: input.namePrefix ?? null,
    first_name: input.firstName ?? null,
    middle_name: input.middleName ?? null,
    last_name: input.lastName ?? null,
    name_suffix: input.nameSuffix ?? null,
    email: input.email ?? null,
    emails: input.emails ?? [],
    phone: input.phone ?? null,
    birthday: input.birthday ?? null,
    street: input.street ?? null,
    street2: input.street2 ?? null,
    city: input.city ?? null,
    zip: input.zip ?? null,
    state: input.state ?? null,
    country: input.country ?? null,
    invoice_delivery: input.invoiceDelivery ?? 'email',
    language: input.language ?? 'en',
    company_id: input.companyId ?? null,
    website_id: input.websiteId ?? null,
    role: input.kind === 'internal' ? input.role : null,
    password_hash: passwordHash,
    must_change_password: input.mustChangePassword ?? false,
    created_at: now,
    updated_at: now
  }
  return withTransaction(db, async (trx) => {
    await assertCompanyAndWebsiteExist(trx, { companyId: values.company_id, websiteId: values.website_id })
    await assertLoginAvailable(trx, input.login)
    const created = await trx.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow()
    const { password_hash: _secret, created_at: _created, updated_at: _updated, login_key: _key, login_skeleton: _skeleton, ...shown } = values
    await recordAudit(trx, audit, {
      action: 'user.create',
      targetUserId: created.id,
      changes: { ...diffChanges({}, shown), ...(passwordHash ? { password: { from: null, to: 'set' } } : {}) }
    })
    return created.id
  })
}
