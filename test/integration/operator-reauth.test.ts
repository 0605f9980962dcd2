import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { completeUserDetail } from '../../src/shared/users'
import { createFixtureUser } from './security-fixtures'
import { backends } from './support/backends'
import { auditCount, expectNothingChanged, expectRefusal, seededOperators, signInAs, userRow, type OperatorClient } from './support/operators'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'
import { endpoints, urlOf } from '../../src/shared/endpoints'

const newPassword = 'ziggurat-velvet-Nocturne-42'

/**
 * The doors that give or keep an operator's power need the operator's own password, fresh: their own
 * password changes only where the current one is asked for, and an operator role is granted (at
 * creation or by a change) only after a re-authentication. Each test replays the attack with a desk
 * session that was never re-verified (a stolen token, an unattended desk).
 */
describe.each(backends)('re-authentication of operator powers on $name', (backend) => {
  let portal: TestPortal

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 10 })
  })
  afterAll(async () => {
    await portal?.close()
  })

  const db = () => portal.server.database.db
  /** A signed-in session that was not re-verified. */
  const freshAdmin = (): Promise<OperatorClient> => signInAs(portal, 'administrator')
  const internalWithRole = async (role: 'administrator' | 'support' | 'user') => {
    const user = await createFixtureUser(portal, { kind: 'internal' })
    await db().updateTable('users').set({ role }).where('id', '=', user.id).execute()
    return completeUserDetail.parse((await (await freshAdmin()).get(`/api/v1/users/${user.id}`)).body)
  }

  describe('an operator setting their own password through POST /users/:id/password', () => {
    it.runIf(backend.enabled)('is refused with a pointer to /auth/account/password, and the old password keeps working', async () => {
      const self = await signInAs(portal, seededOperators.otherAdministrator)
      const refused = await expectNothingChanged(portal, () => self.post(`/api/v1/users/${self.id}/password`, { password: newPassword, mustChange: false, notify: false }))
      expectRefusal(refused, 409, 'CONFLICT')
      const error = (refused.body as { error: { message: string; details: Record<string, unknown> } }).error
      expect(error.details).toEqual({ reason: 'ownAccount', use: urlOf(endpoints.changeOwnPassword) })
      expect(error.message).toContain(urlOf(endpoints.changeOwnPassword))
      expect(error.message).toMatch(/current password/)

      // A fresh re-authentication does not open this door either: the current password is asked where it belongs.
      await self.reauth()
      expectRefusal(await expectNothingChanged(portal, () => self.post(`/api/v1/users/${self.id}/password`, { password: newPassword, mustChange: true, notify: true })), 409, 'CONFLICT')

      const oldWorks = await portal.request('POST', '/api/v1/auth/login', { json: { login: seededOperators.otherAdministrator, password: testPassword } })
      expect(oldWorks.status, oldWorks.text).toBe(200)
      const newFails = await portal.request('POST', '/api/v1/auth/login', { json: { login: seededOperators.otherAdministrator, password: newPassword } })
      expectRefusal(newFails, 401, 'INVALID_CREDENTIALS')
      expect((await self.get('/api/v1/auth/me')).status).toBe(200)

      // The door it points to works, with the current password.
      const changed = await self.post(urlOf(endpoints.changeOwnPassword), { currentPassword: testPassword, newPassword })
      expect(changed.status, changed.text).toBe(200)
      const restored = await self.post(urlOf(endpoints.changeOwnPassword), { currentPassword: newPassword, newPassword: testPassword })
      expect(restored.status, restored.text).toBe(200)
    })

    it.runIf(backend.enabled)('still lets an administrator set another operator’s password after a re-authentication', async () => {
      const other = await internalWithRole('support')
      const admin = await freshAdmin()
      await admin.reauth()
      const ok = await admin.post(`/api/v1/users/${other.id}/password`, { password: newPassword, mustChange: true, notify: false })
      expect(ok.status, ok.text).toBe(200)
    })
  })

  describe('creating an internal user with an operator role', () => {
    for (const role of ['administrator', 'support'] as const) {
      it.runIf(backend.enabled)(`needs a fresh re-authentication for the ${role} role: nothing is created without it`, async () => {
        const admin = await freshAdmin()
        const login = `new.${role}.${Date.now()}`
        const body = { kind: 'internal', login, role, firstName: 'Nina', lastName: 'Okafor', email: `${login}@example.org`, password: newPassword }
        expectRefusal(await expectNothingChanged(portal, () => admin.post('/api/v1/users', body)), 403, 'REAUTH_REQUIRED')
        expect(await db().selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()).toBeUndefined()

        await admin.reauth()
        const created = await admin.post('/api/v1/users', body)
        expect(created.status, created.text).toBe(201)
        const user = completeUserDetail.parse(created.body)
        expect(user).toMatchObject({ kind: 'internal', role, login })
        const audit = await db().selectFrom('audit_log').selectAll().where('target_user_id', '=', user.id).where('action', '=', 'user.create').executeTakeFirstOrThrow()
        expect(audit.actor_id).toBe(admin.id)
        expect(JSON.stringify(audit.changes)).toContain(role)
      })
    }

    it.runIf(backend.enabled)('needs none for a plain internal user or a portal user', async () => {
      const admin = await freshAdmin()
      const created = await admin.post('/api/v1/users', { kind: 'internal', login: `plain.${Date.now()}`, role: 'user', name: 'Plain Staff' })
      expect(created.status, created.text).toBe(201)
    })
  })

  describe('changing a role', () => {
    for (const [from, to] of [
      ['support', 'administrator'],
      ['administrator', 'support'],
      ['user', 'support']
    ] as const) {
      it.runIf(backend.enabled)(`needs a fresh re-authentication from ${from} to ${to}: unchanged without it, changed and audited with it`, async () => {
        const target = await internalWithRole(from)
        const admin = await freshAdmin()
        const before = await auditCount(portal, { targetUserId: target.id })
        expectRefusal(await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${target.id}`, { version: target.version, role: to })), 403, 'REAUTH_REQUIRED')
        expect((await userRow(portal, target.id))?.role).toBe(from)

        await admin.reauth()
        const changed = await admin.patch(`/api/v1/users/${target.id}`, { version: target.version, role: to })
        expect(changed.status, changed.text).toBe(200)
        expect(completeUserDetail.parse(changed.body).role).toBe(to)
        expect(await auditCount(portal, { targetUserId: target.id })).toBe(before + 1)
        const audit = await db().selectFrom('audit_log').selectAll().where('target_user_id', '=', target.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
        expect(audit.action).toBe('user.update')
        expect(audit.changes).toMatchObject({ role: { from, to } })
      })
    }

    it.runIf(backend.enabled)('cannot give a portal user a role at all', async () => {
      const portalUser = await createFixtureUser(portal)
      const admin = await freshAdmin()
      await admin.reauth()
      const detail = completeUserDetail.parse((await admin.get(`/api/v1/users/${portalUser.id}`)).body)
      expectRefusal(await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${portalUser.id}`, { version: detail.version, role: 'administrator' })), 400, 'VALIDATION')
    })
  })
})
