import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { completeUserDetail, completeUserListPage, type CompleteUserListPage, type UserDetail } from '../../src/shared/users'
import { backends } from './support/backends'
import { auditCount, expectNothingChanged, expectRefusal, seededOperators, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'

const strongPassword = 'Velvet-Harbor-Quantum-82'

describe.each(backends)('users administration on $name', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient
  let support: OperatorClient
  const db = () => portal.server.database.db

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 150 })
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
    // Locked right now by failed sign-ins (the seed locks one user in 997: none at this size).
    await db()
      .updateTable('users')
      .set({ failed_sign_ins: 10, lock_count: 1, locked_until: new Date(portal.clock.now().getTime() + 15 * 60_000) })
      .where('kind', '=', 'portal')
      .where('active', '=', true)
      .where(sql<boolean>`id % 37 = 0`)
      .execute()
  })
  afterAll(async () => {
    await portal?.close()
  })

  const list = async (query: Record<string, string | number>, client: OperatorClient = admin): Promise<CompleteUserListPage> => {
    const response = await client.get(`/api/v1/users?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`)
    expect(response.status, response.text).toBe(200)
    return completeUserListPage.parse(response.body)
  }
  const detail = async (id: number): Promise<UserDetail> => {
    const response = await admin.get(`/api/v1/users/${id}`)
    expect(response.status, response.text).toBe(200)
    return completeUserDetail.parse(response.body)
  }
  /** Every id the filter should give, straight from SQL. */
  const idsWhere = async (condition: ReturnType<typeof sql>): Promise<number[]> => {
    const { rows } = await sql<{ id: number }>`select u.id from users u where ${condition} order by lower(u.name), u.id`.execute(db())
    return rows.map((r) => r.id)
  }
  const allIds = async (query: Record<string, string | number>): Promise<{ ids: number[]; facets: CompleteUserListPage['facets'] }> => {
    const page = await list({ ...query, limit: 200 })
    expect(page.nextCursor).toBeNull()
    return { ids: page.items.map((u) => u.id), facets: page.facets }
  }
  const portalUserIn = async (documents: boolean) =>
    db()
      .selectFrom('users as u')
      .selectAll('u')
      .where('u.kind', '=', 'portal')
      .where('u.active', '=', true)
      .where('u.deleted_at', 'is', null)
      .where(sql<boolean>`${documents ? sql`` : sql`not`} exists (select 1 from documents d where d.company_id = u.company_id)`)
      .where('u.company_id', 'is not', null)
      .orderBy('u.id')
      .offset(3)
      .limit(1)
      .executeTakeFirstOrThrow()

  describe('list and detail', () => {
    it.runIf(backend.enabled)('lists active users by default, archived or all on request, with counts that follow', async () => {
      const active = await allIds({ kind: 'internal' })
      expect(active.ids).toEqual(await idsWhere(sql`u.kind = 'internal' and u.active`))
      const archived = await allIds({ kind: 'all', status: 'archived' })
      expect(archived.ids).toEqual(await idsWhere(sql`not u.active`))
      const { rows } = await sql<{ portal: number; internal: number }>`select count(*) filter (where kind = 'portal' and active)::int as portal,
        count(*) filter (where kind = 'internal' and active)::int as internal from users`.execute(db())
      expect(active.facets.kind).toEqual(rows[0])
      expect(archived.facets.kind.portal + archived.facets.kind.internal).toBe(archived.ids.length)
      const all = await list({ status: 'all', limit: 1 })
      const total = await sql<{ n: number }>`select count(*)::int as n from users`.execute(db())
      expect(all.facets.kind.portal + all.facets.kind.internal).toBe(total.rows[0]?.n)
    })

    it.runIf(backend.enabled)('filters by 2FA, lock, sign-in, company and website, each matching SQL', async () => {
      const now = portal.clock.now()
      const dormantSince = new Date(now.getTime() - 90 * 86_400_000)
      const cases: [Record<string, string | number>, ReturnType<typeof sql>][] = [
        [{ twoFactor: 'on', status: 'all' }, sql`exists (select 1 from totp t where t.user_id = u.id and t.enabled_at is not null)`],
        [{ twoFactor: 'off', kind: 'internal' }, sql`u.kind = 'internal' and u.active and not exists (select 1 from totp t where t.user_id = u.id and t.enabled_at is not null)`],
        [{ locked: 'true' }, sql`u.active and u.locked_until > ${now}::timestamptz`],
        [{ signIn: 'never', status: 'all' }, sql`u.last_sign_in_at is null`],
        [{ signIn: 'dormant' }, sql`u.active and u.last_sign_in_at < ${dormantSince}::timestamptz`],
        [{ companyId: 3, status: 'all' }, sql`u.company_id = 3`],
        [{ websiteId: 2, twoFactor: 'off' }, sql`u.website_id = 2 and u.active and not exists (select 1 from totp t where t.user_id = u.id and t.enabled_at is not null)`]
      ]
      for (const [query, condition] of cases) {
        const expected = await idsWhere(condition)
        expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0)
        const { ids, facets } = await allIds(query)
        expect(ids, JSON.stringify(query)).toEqual(expected)
        // The counts follow the status only (see buildUserListQueries).
        const statusCounts = (await list({ status: String(query.status ?? 'active'), limit: 1 })).facets
        expect(facets, JSON.stringify(query)).toEqual(statusCounts)
      }
      // Keyset paging works under a filter too.
      const first = await list({ twoFactor: 'on', status: 'all', limit: 2 })
      const second = await list({ twoFactor: 'on', status: 'all', limit: 2, cursor: first.nextCursor ?? '' })
      expect(second.items[0]?.id).not.toBe(first.items[0]?.id)
      expect(second.items.every((u) => u.twoFactor)).toBe(true)
      for (const bad of ['status=gone', 'twoFactor=maybe', 'locked=yes', 'signIn=sometimes', 'companyId=0', 'companyId=abc', 'websiteId=2147483648']) {
        expectRefusal(await admin.get(`/api/v1/users?${bad}`), 400, 'VALIDATION')
      }
      expect((await list({ companyId: 999_999 })).items).toEqual([])
    })

    it.runIf(backend.enabled)('reports the same fields, lock and 2FA state in the list and the detail', async () => {
      const locked = await list({ locked: 'true', limit: 1 })
      const twoFactor = await list({ twoFactor: 'on', limit: 1 })
      for (const item of [locked.items[0], twoFactor.items[0]]) {
        if (!item) throw new Error('the seed has locked and 2FA users')
        const { vat: _vat, documentLocked: _locked, resetRequired: _reset, deletedAt: _deleted, pendingEmailChange: _pending, ...shared } = await detail(item.id)
        expect(shared).toEqual(item)
      }
      expect(locked.items[0]?.locked).toBe(true)
      expect(locked.items[0]?.lockedUntil).not.toBeNull()
      expect(twoFactor.items[0]?.twoFactor).toBe(true)
      // The lock ends by the server's clock.
      const id = locked.items[0]?.id ?? 0
      portal.clock.advance(16 * 60_000)
      expect((await detail(id)).locked).toBe(false)
      expect((await list({ locked: 'true', status: 'all' })).items.map((u) => u.id)).not.toContain(id)
      portal.clock.advance(-16 * 60_000)
      const seeded = await db().selectFrom('users').select(['id', 'birthday']).where('birthday', 'is not', null).executeTakeFirstOrThrow()
      expect((await detail(seeded.id)).birthday).toBe(seeded.birthday)
    })

    it.runIf(backend.enabled)('lets support read users, companies and websites', async () => {
      expect((await list({ limit: 1 }, support)).items).toHaveLength(1)
      expect((await support.get('/api/v1/companies')).status).toBe(200)
      expect((await support.get('/api/v1/companies/1')).status).toBe(200)
      expect((await support.get('/api/v1/websites')).status).toBe(200)
    })
  })

  describe('create', () => {
    const portalUser = (overrides: Record<string, unknown> = {}) => ({
      kind: 'portal',
      login: 'jane.roe',
      password: strongPassword,
      firstName: 'Jane',
      lastName: 'Roe',
      email: 'jane.roe@example.org',
      companyId: 1,
      websiteId: 1,
      ...overrides
    })

    it.runIf(backend.enabled)('creates a portal user with the Prim.io fields, hashed password and an audit row', async () => {
      const response = await admin.post('/api/v1/users', portalUser({ birthday: '1990-02-28', country: 'de', emails: ['billing@example.org'] }))
      expect(response.status, response.text).toBe(201)
      const created = completeUserDetail.parse(response.body)
      expect(created).toMatchObject({ kind: 'portal', login: 'jane.roe', name: 'Jane Roe', country: 'DE', birthday: '1990-02-28', emails: ['billing@example.org'], role: null, active: true, version: 1 })
      const row = await db().selectFrom('users').select(['password_hash']).where('id', '=', created.id).executeTakeFirstOrThrow()
      expect(row.password_hash).toMatch(/^\$argon2id\$/)
      const auditRow = await db().selectFrom('audit_log').selectAll().where('action', '=', 'user.create').where('target_user_id', '=', created.id).executeTakeFirstOrThrow()
      expect(auditRow.actor_id).toBe(admin.id)
      expect(JSON.stringify(auditRow.changes)).not.toContain(strongPassword)
      expect(JSON.stringify(auditRow.changes)).not.toContain('argon2')
    })

    it.runIf(backend.enabled)('creates an internal user with its role, and names written in any script', async () => {
      const response = await admin.post('/api/v1/users', { kind: 'internal', login: 'ops.王', role: 'user', firstName: '芳', lastName: 'بن سينا 😀', email: "o'brien@example.org" })
      expect(response.status, response.text).toBe(201)
      expect(completeUserDetail.parse(response.body)).toMatchObject({ kind: 'internal', role: 'user', name: '芳 بن سينا 😀', email: "o'brien@example.org" })
      const sqlish = await admin.post('/api/v1/users', portalUser({ login: "x';drop--table", email: null, firstName: '%_\\' }))
      expect(sqlish.status, sqlish.text).toBe(201)
      expect(completeUserDetail.parse(sqlish.body).login).toBe("x';drop--table")
    })

    it.runIf(backend.enabled)('refuses a duplicate login (any case, archived users too) or email with 409 naming the field', async () => {
      const archived = await db().selectFrom('users').select(['login']).where('active', '=', false).where('kind', '=', 'portal').executeTakeFirstOrThrow()
      for (const [body, field] of [
        [portalUser({ login: 'JANE.ROE', email: 'other@example.org' }), 'login'],
        [portalUser({ login: archived.login.toUpperCase(), email: 'other2@example.org' }), 'login'],
        [portalUser({ login: 'jane.two', email: 'Jane.Roe@Example.org' }), 'email']
      ] as const) {
        const response = await expectNothingChanged(portal, () => admin.post('/api/v1/users', body))
        expectRefusal(response, 409, 'CONFLICT')
        expect((response.body as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe(field)
      }
    })

    it.runIf(backend.enabled)('refuses bad input with a clear 400 and changes nothing', async () => {
      const long = 'x'.repeat(10_000)
      const bad: [unknown, string][] = [
        [{}, 'kind'],
        [portalUser({ firstName: undefined }), 'firstName'],
        [portalUser({ lastName: '' }), 'lastName'],
        [portalUser({ login: undefined }), 'login'],
        [portalUser({ password: undefined }), 'password'],
        [portalUser({ companyId: undefined }), 'companyId'],
        [portalUser({ websiteId: undefined }), 'websiteId'],
        [{ kind: 'internal', login: 'no.role', name: 'No Role' }, 'role'],
        [portalUser({ password: 'password1' }), 'password'],
        [portalUser({ email: 'not-an-email' }), 'email'],
        [portalUser({ emails: ['ok@example.org', 'nope'] }), 'emails.1'],
        [portalUser({ birthday: '2026-03-03' }), 'birthday'],
        [portalUser({ birthday: '1990-02-30' }), 'birthday'],
        [portalUser({ country: 'XX' }), 'country'],
        [portalUser({ language: 'fr' }), 'language'],
        [portalUser({ invoiceDelivery: 'pigeon' }), 'invoiceDelivery'],
        [portalUser({ firstName: long }), 'firstName'],
        [portalUser({ login: long }), 'login'],
        [portalUser({ login: 'two words' }), 'login'],
        [portalUser({ login: '__deleted_user_9' }), 'login'],
        [portalUser({ firstName: 'a\u0000b' }), 'firstName'],
        [portalUser({ companyId: '1' }), 'companyId'],
        [portalUser({ companyId: 999_999 }), 'companyId'],
        [portalUser({ websiteId: 999_999 }), 'websiteId'],
        [portalUser({ role: 'administrator' }), ''],
        [portalUser({ isAdmin: true }), ''],
        [portalUser({ phone: 'call me' }), 'phone']
      ]
      for (const [body, path] of bad) {
        const response = await expectNothingChanged(portal, () => admin.post('/api/v1/users', body))
        expectRefusal(response, 400, 'VALIDATION')
        const details = (response.body as { error: { details?: { path: string }[] } }).error.details ?? []
        if (path) expect(details.map((d) => d.path), `${JSON.stringify(body).slice(0, 80)} → ${response.text.slice(0, 300)}`).toContain(path)
      }
    })

    it.runIf(backend.enabled)('refuses support (403), before reading the body', async () => {
      expectRefusal(await expectNothingChanged(portal, () => support.post('/api/v1/users', portalUser({ login: 'by.support' }))), 403, 'FORBIDDEN')
      expectRefusal(await expectNothingChanged(portal, () => support.post('/api/v1/users', { garbage: true })), 403, 'FORBIDDEN')
      expectRefusal(await portal.request('POST', '/api/v1/users', { json: portalUser() }), 401, 'UNAUTHORIZED')
    })
  })

  describe('edit', () => {
    it.runIf(backend.enabled)('changes the given fields, bumps the version and audits before → after', async () => {
      const target = await portalUserIn(false)
      const response = await admin.patch(`/api/v1/users/${target.id}`, { version: target.version, city: 'Zürich', street2: 'c/o ליאור', invoiceDelivery: 'postal', birthday: '1980-01-31', country: 'CH' })
      expect(response.status, response.text).toBe(200)
      const after = completeUserDetail.parse(response.body)
      expect(after).toMatchObject({ city: 'Zürich', street2: 'c/o ליאור', invoiceDelivery: 'postal', birthday: '1980-01-31', country: 'CH', version: target.version + 1 })
      const row = await db().selectFrom('audit_log').select(['changes']).where('action', '=', 'user.update').where('target_user_id', '=', target.id).executeTakeFirstOrThrow()
      expect(row.changes).toMatchObject({ city: { from: target.city, to: 'Zürich' }, country: { from: target.country, to: 'CH' } })
      // The same values again: nothing to write, nothing audited.
      const again = await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${target.id}`, { version: after.version, city: 'Zürich' }))
      expect(again.status).toBe(200)
    })

    it.runIf(backend.enabled)('refuses a stale version with 409 and the current version', async () => {
      const target = await portalUserIn(false)
      const response = await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${target.id}`, { version: target.version - 1 > 0 ? target.version - 1 : target.version + 5, city: 'Nowhere' }))
      expectRefusal(response, 409, 'CONFLICT')
      expect((response.body as { error: { details: unknown } }).error.details).toEqual({ currentVersion: target.version, reason: 'staleVersion' })
    })

    it.runIf(backend.enabled)('lets exactly one of two writers racing on the same version win', async () => {
      const target = await db().selectFrom('users').selectAll().where('kind', '=', 'portal').where('active', '=', true).orderBy('id', 'desc').executeTakeFirstOrThrow()
      const other = await signInAs(portal, seededOperators.otherAdministrator)
      const [a, b] = await Promise.all([
        admin.patch(`/api/v1/users/${target.id}`, { version: target.version, city: 'Writer A' }),
        other.patch(`/api/v1/users/${target.id}`, { version: target.version, city: 'Writer B' })
      ])
      expect([a.status, b.status].sort()).toEqual([200, 409])
      const winner = a.status === 200 ? 'Writer A' : 'Writer B'
      const row = await db().selectFrom('users').select(['city', 'version']).where('id', '=', target.id).executeTakeFirstOrThrow()
      expect(row).toEqual({ city: winner, version: target.version + 1 })
      expect(await auditCount(portal, { targetUserId: target.id, action: 'user.update' })).toBe(1)
    })

    it.runIf(backend.enabled)('needs re-authentication to change a login or a role, and refuses support any change', async () => {
      const target = await portalUserIn(false)
      const fresh = await signInAs(portal, 'administrator')
      expectRefusal(await expectNothingChanged(portal, () => fresh.patch(`/api/v1/users/${target.id}`, { version: target.version, login: 'renamed.user' })), 403, 'REAUTH_REQUIRED')
      const internal = await db().selectFrom('users').selectAll().where('login', '=', 'e.novak').executeTakeFirstOrThrow()
      expectRefusal(await expectNothingChanged(portal, () => fresh.patch(`/api/v1/users/${internal.id}`, { version: internal.version, role: 'support' })), 403, 'REAUTH_REQUIRED')
      for (const body of [{ version: target.version, login: 'by.support' }, { version: target.version, email: 'support@example.org' }, { version: target.version, city: 'X' }]) {
        expectRefusal(await expectNothingChanged(portal, () => support.patch(`/api/v1/users/${target.id}`, body, { ticket: 'HD-1' })), 403, 'FORBIDDEN')
      }
      await fresh.reauth()
      const renamed = await fresh.patch(`/api/v1/users/${target.id}`, { version: target.version, login: 'renamed.user' })
      expect(renamed.status, renamed.text).toBe(200)
      const promoted = await fresh.patch(`/api/v1/users/${internal.id}`, { version: internal.version, role: 'support' })
      expect(completeUserDetail.parse(promoted.body).role).toBe('support')
      expect(await auditCount(portal, { targetUserId: internal.id, action: 'user.update' })).toBe(1)
      // Unchanged login and role in a whole-form save need no re-authentication.
      const current = await detail(target.id)
      const same = await admin.patch(`/api/v1/users/${target.id}`, { version: current.version, login: 'renamed.user', city: 'Same Login City' })
      expect(same.status, same.text).toBe(200)
      // A portal user has no role; nobody changes their own.
      expectRefusal(await fresh.patch(`/api/v1/users/${target.id}`, { version: current.version + 1, role: 'user' }), 400, 'VALIDATION')
      const me = await detail(fresh.id)
      expectRefusal(await fresh.patch(`/api/v1/users/${fresh.id}`, { version: me.version, role: 'support' }), 400, 'VALIDATION')
    })

    it.runIf(backend.enabled)('refuses a duplicate email or login with 409 naming the field', async () => {
      const [a, b] = await db().selectFrom('users').selectAll().where('kind', '=', 'portal').where('email', 'is not', null).orderBy('id').offset(20).limit(2).execute()
      if (!a || !b) throw new Error('seed')
      const email = await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${a.id}`, { version: a.version, email: (b.email ?? '').toUpperCase() }))
      expectRefusal(email, 409, 'CONFLICT')
      expect(JSON.stringify(email.body)).toContain('"path":"email"')
      await admin.reauth()
      const login = await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${a.id}`, { version: a.version, login: b.login.toUpperCase() }))
      expectRefusal(login, 409, 'CONFLICT')
      expect(JSON.stringify(login.body)).toContain('"path":"login"')
    })

    it.runIf(backend.enabled)('refuses bad input with 400 and leaves the user untouched', async () => {
      const target = await portalUserIn(false)
      const bad: Record<string, unknown>[] = [
        {},
        { city: 'No version' },
        { version: 'one', city: 'x' },
        { version: target.version, birthday: '2026-03-03' },
        { version: target.version, birthday: 'yesterday' },
        { version: target.version, email: 'a@b' },
        { version: target.version, emails: 'x@example.org' },
        { version: target.version, country: 'Germany' },
        { version: target.version, language: 'de' },
        { version: target.version, name: '' },
        { version: target.version, street: 'x'.repeat(10_000) },
        { version: target.version, zip: '1'.repeat(21) },
        { version: target.version, active: false },
        { version: target.version, kind: 'internal' },
        { version: target.version, passwordHash: 'x' }
      ]
      for (const body of bad) expectRefusal(await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${target.id}`, body)), 400, 'VALIDATION')
      for (const id of ['abc', '0', '-1', '1.5']) expectRefusal(await admin.patch(`/api/v1/users/${id}`, { version: 1, city: 'x' }), 400, 'VALIDATION')
      expectRefusal(await admin.patch('/api/v1/users/999999', { version: 1, city: 'x' }), 404, 'NOT_FOUND')
      // The birthday is judged by the server's clock (2026-03-02 in these tests): today is fine.
      const today = await admin.patch(`/api/v1/users/${target.id}`, { version: target.version, birthday: '2026-03-02' })
      expect(today.status, today.text).toBe(200)
    })
  })

  describe('the country lock', () => {
    it.runIf(backend.enabled)('refuses country, company name and VAT changes once documents exist, telling to contact an administrator', async () => {
      const target = await portalUserIn(true)
      expect((await detail(target.id)).documentLocked).toBe(true)
      for (const body of [{ country: target.country === 'FR' ? 'BE' : 'FR' }, { companyName: 'Renamed Ltd' }, { vat: 'XX999' }, { companyId: 1 }]) {
        const response = await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${target.id}`, { version: target.version, ...body }))
        expectRefusal(response, 409, 'DOCUMENT_LOCKED')
        const error = (response.body as { error: { message: string; details: { path: string }[] } }).error
        expect(error.message).toMatch(/Contact an administrator/)
        expect(error.details[0]?.path).toBe(Object.keys(body)[0])
      }
      // Other fields stay editable.
      const city = await admin.patch(`/api/v1/users/${target.id}`, { version: target.version, city: 'Still Editable' })
      expect(city.status, city.text).toBe(200)
    })

    it.runIf(backend.enabled)('lets an administrator override it with a reason, audited', async () => {
      const target = await portalUserIn(true)
      const company = await db().selectFrom('companies').selectAll().where('id', '=', target.company_id ?? 0).executeTakeFirstOrThrow()
      const response = await admin.patch(`/api/v1/users/${target.id}`, { version: target.version, country: 'NZ', vat: 'NZ-123', companyName: `${company.name} (NZ)` }, { reason: 'Customer moved; invoices re-issued — 工单 42' })
      expect(response.status, response.text).toBe(200)
      expect(completeUserDetail.parse(response.body)).toMatchObject({ country: 'NZ', vat: 'NZ-123', company: `${company.name} (NZ)` })
      const row = await db().selectFrom('audit_log').selectAll().where('action', '=', 'user.update').where('target_user_id', '=', target.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(row.reason).toBe('Customer moved; invoices re-issued — 工单 42')
      expect(row.changes).toMatchObject({ documentLockOverride: { from: false, to: true }, country: { to: 'NZ' }, vat: { from: company.vat, to: 'NZ-123' } })
    })

    it.runIf(backend.enabled)('does not lock companies without documents', async () => {
      const target = await portalUserIn(false)
      const response = await admin.patch(`/api/v1/users/${target.id}`, { version: (await detail(target.id)).version, country: 'JP', vat: 'JP-1' })
      expect(response.status, response.text).toBe(200)
    })
  })

  describe('archive, restore and delete', () => {
    it.runIf(backend.enabled)('archives: sign-in blocked, every session revoked; restore undoes it', async () => {
      const agent = await signInAs(portal, seededOperators.otherSupport)
      const second = await signInAs(portal, seededOperators.otherSupport)
      expectRefusal(await expectNothingChanged(portal, () => support.post(`/api/v1/users/${agent.id}/archive`, undefined, { ticket: 'HD-2' })), 403, 'FORBIDDEN')
      const archived = await admin.post(`/api/v1/users/${agent.id}/archive`)
      expect(archived.status, archived.text).toBe(200)
      expect(completeUserDetail.parse(archived.body).active).toBe(false)
      expectRefusal(await agent.get('/api/v1/auth/me'), 401, 'UNAUTHORIZED')
      expectRefusal(await second.get('/api/v1/users?limit=1'), 401, 'UNAUTHORIZED')
      const live = await db().selectFrom('sessions').select('id').where('user_id', '=', agent.id).where('revoked_at', 'is', null).execute()
      expect(live).toEqual([])
      expectRefusal(await portal.request('POST', '/api/v1/auth/login', { json: { login: agent.login, password: testPassword } }), 401, 'INVALID_CREDENTIALS')
      expect(await auditCount(portal, { targetUserId: agent.id, action: 'user.archive' })).toBe(1)
      expectRefusal(await admin.post(`/api/v1/users/${agent.id}/archive`), 409, 'CONFLICT')

      expectRefusal(await support.post(`/api/v1/users/${agent.id}/restore`), 403, 'FORBIDDEN')
      const restored = await admin.post(`/api/v1/users/${agent.id}/restore`, { version: completeUserDetail.parse(archived.body).version })
      expect(restored.status, restored.text).toBe(200)
      expect((await signInAs(portal, seededOperators.otherSupport)).id).toBe(agent.id)
      expect(await auditCount(portal, { targetUserId: agent.id, action: 'user.restore' })).toBe(1)
      expectRefusal(await admin.post(`/api/v1/users/${admin.id}/archive`), 409, 'CONFLICT')
      expectRefusal(await admin.post(`/api/v1/users/${agent.id}/archive`, { version: 1, extra: true }), 400, 'VALIDATION')
      expectRefusal(await admin.post('/api/v1/users/999999/archive'), 404, 'NOT_FOUND')
    })

    it.runIf(backend.enabled)('archives a portal user and revokes their portal sessions', async () => {
      const target = await db()
        .selectFrom('users as u')
        .select(['u.id'])
        .where('u.kind', '=', 'portal')
        .where('u.active', '=', true)
        .where(sql<boolean>`exists (select 1 from sessions s where s.user_id = u.id and s.revoked_at is null)`)
        .orderBy('u.id')
        .executeTakeFirstOrThrow()
      expect((await admin.post(`/api/v1/users/${target.id}/archive`)).status).toBe(200)
      const live = await db().selectFrom('sessions').select('id').where('user_id', '=', target.id).where('revoked_at', 'is', null).execute()
      expect(live).toEqual([])
    })

    it.runIf(backend.enabled)('deletes the Odoo way, after re-authentication, honouring the block list', async () => {
      const target = await db()
        .selectFrom('users as u')
        .selectAll('u')
        .where('u.kind', '=', 'portal')
        .where('u.email', 'is not', null)
        .where('u.phone', 'is not', null)
        .where(sql<boolean>`exists (select 1 from payment_methods p where p.user_id = u.id)`)
        .orderBy('u.id')
        .executeTakeFirstOrThrow()
      const fresh = await signInAs(portal, 'administrator')
      expectRefusal(await expectNothingChanged(portal, () => fresh.delete(`/api/v1/users/${target.id}`, { blocklist: true })), 403, 'REAUTH_REQUIRED')
      expectRefusal(await expectNothingChanged(portal, () => support.delete(`/api/v1/users/${target.id}`, { blocklist: true }, { ticket: 'HD-3' })), 403, 'FORBIDDEN')
      await fresh.reauth()
      for (const body of [undefined, {}, { blocklist: 'yes' }, { blocklist: true, extra: 1 }]) {
        expectRefusal(await expectNothingChanged(portal, () => fresh.delete(`/api/v1/users/${target.id}`, body)), 400, 'VALIDATION')
      }
      const auditBefore = await auditCount(portal, { targetUserId: target.id })
      const response = await fresh.delete(`/api/v1/users/${target.id}`, { blocklist: true })
      expect(response.status, response.text).toBe(200)
      const deleted = completeUserDetail.parse(response.body)
      expect(deleted).toMatchObject({ login: `__deleted_user_${target.id}`, active: false, email: null, emails: [], twoFactor: false })
      expect(deleted.deletedAt).toBe(portal.clock.now().toISOString())
      const row = await db().selectFrom('users').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow()
      expect(row.password_hash).toBeNull()
      for (const table of ['sessions', 'passkeys', 'api_keys', 'payment_methods', 'totp'] as const) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where user_id = ${target.id}`.execute(db())
        expect(rows[0]?.n, table).toBe(0)
      }
      const blocked = await db().selectFrom('blocklist').select(['kind', 'value']).where('created_by', '=', fresh.id).orderBy('kind').execute()
      expect(blocked).toEqual([
        { kind: 'email', value: (target.email ?? '').toLowerCase() },
        { kind: 'phone', value: expect.stringMatching(/^\+?\d+$/) }
      ])
      const mail = await db().selectFrom('outbox').selectAll().where('user_id', '=', target.id).where('template', '=', 'accountDeleted').executeTakeFirstOrThrow()
      expect(mail).toMatchObject({ to_address: target.email, status: 'blocked' })
      expect(await auditCount(portal, { targetUserId: target.id })).toBe(auditBefore + 1)
      expectRefusal(await fresh.post(`/api/v1/users/${target.id}/restore`), 409, 'CONFLICT')
      expectRefusal(await fresh.delete(`/api/v1/users/${target.id}`, { blocklist: false }), 409, 'CONFLICT')
      expectRefusal(await expectNothingChanged(portal, () => fresh.patch(`/api/v1/users/${target.id}`, { version: deleted.version, city: 'Afterlife' })), 409, 'CONFLICT')
      // The old login and address are free again.
      const again = await fresh.post('/api/v1/users', { kind: 'portal', login: target.login, password: strongPassword, firstName: 'New', lastName: 'Owner', email: target.email, companyId: 1, websiteId: 1 })
      expect(again.status, again.text).toBe(201)
    })

    it.runIf(backend.enabled)('mails "account deleted" to the old address when not block-listed', async () => {
      const target = await db().selectFrom('users').selectAll().where('kind', '=', 'portal').where('email', 'is not', null).where('deleted_at', 'is', null).orderBy('id', 'desc').offset(5).executeTakeFirstOrThrow()
      await admin.reauth()
      const response = await admin.delete(`/api/v1/users/${target.id}`, { blocklist: false })
      expect(response.status, response.text).toBe(200)
      const mail = await db().selectFrom('outbox').selectAll().where('user_id', '=', target.id).where('template', '=', 'accountDeleted').executeTakeFirstOrThrow()
      expect(mail).toMatchObject({ to_address: target.email, status: 'pending', language: target.language })
      expect(mail.body_text).toContain(target.name)
      const listed = await db().selectFrom('blocklist').select('id').where('value', '=', (target.email ?? '').toLowerCase()).execute()
      expect(listed).toEqual([])
    })
  })

  describe('avatar', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)])
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32, 1)])
    const put = (client: OperatorClient, id: number, body: Buffer, contentType = 'image/png') =>
      fetch(`${portal.baseUrl}/api/v1/users/${id}/avatar`, { method: 'PUT', headers: { authorization: `Bearer ${client.token}`, 'content-type': contentType }, body })

    it.runIf(backend.enabled)('stores a PNG or WebP by its bytes, serves it back, and removes it', async () => {
      const target = await portalUserIn(false)
      const stored = await put(admin, target.id, png, 'application/octet-stream')
      expect(stored.status, await stored.clone().text()).toBe(200)
      const user = completeUserDetail.parse(await stored.json())
      expect(user.avatarUrl).toMatch(new RegExp(`^/api/v1/users/${target.id}/avatar`))
      const served = await fetch(`${portal.baseUrl}${user.avatarUrl}`, { headers: { authorization: `Bearer ${support.token}` } })
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
      expect((await fetch(`${portal.baseUrl}${user.avatarUrl}`)).status).toBe(401)
      expect((await put(admin, target.id, webp, 'image/png')).status).toBe(200)
      const again = await fetch(`${portal.baseUrl}/api/v1/users/${target.id}/avatar`, { headers: { authorization: `Bearer ${admin.token}` } })
      expect(again.headers.get('content-type')).toBe('image/webp')
      expect(await auditCount(portal, { targetUserId: target.id, action: 'avatar.set' })).toBe(2)
      const removed = await admin.delete(`/api/v1/users/${target.id}/avatar`)
      expect(completeUserDetail.parse(removed.body).avatarUrl).toBeNull()
      expect(await auditCount(portal, { targetUserId: target.id, action: 'avatar.remove' })).toBe(1)
      expectRefusal(await admin.get(`/api/v1/users/${target.id}/avatar`), 404, 'NOT_FOUND')
      expectRefusal(await admin.delete(`/api/v1/users/${target.id}/avatar`), 404, 'NOT_FOUND')
    })

    it.runIf(backend.enabled)('refuses anything but a small image, and support, changing nothing', async () => {
      const target = await portalUserIn(false)
      const cases: [Buffer, string, number][] = [
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png', 400],
        [Buffer.from('GIF89a......'), 'image/png', 400],
        [Buffer.alloc(0), 'image/png', 400],
        [Buffer.concat([png, Buffer.alloc(1024 * 1024)]), 'image/png', 413],
        [png, 'image/gif', 415],
        [png, 'text/plain', 415]
      ]
      for (const [body, type, status] of cases) {
        const response = await expectNothingChanged(portal, () => put(admin, target.id, body, type))
        expect(response.status, `${type} ${body.length}`).toBe(status)
      }
      expect((await expectNothingChanged(portal, () => put(support, target.id, png))).status).toBe(403)
      const json = await expectNothingChanged(portal, () => admin.request('PUT', `/api/v1/users/${target.id}/avatar`, { json: { avatar: 'x' } }))
      expectRefusal(json, 400, 'VALIDATION')
    })
  })

  describe('companies and websites', () => {
    it.runIf(backend.enabled)('lists companies by name in keyset pages and searches them', async () => {
      const names: string[] = []
      let cursor = ''
      for (let guard = 0; guard < 100; guard++) {
        const response = await admin.get(`/api/v1/companies?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
        expect(response.status, response.text).toBe(200)
        const page = response.body as { items: { name: string; userCount: number }[]; nextCursor: string | null }
        names.push(...page.items.map((c) => c.name))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      const { rows } = await sql<{ name: string }>`select name from companies order by lower(name), id`.execute(db())
      expect(names).toEqual(rows.map((r) => r.name))
      const search = await admin.get('/api/v1/companies?q=NORTHWIND')
      expect((search.body as { items: { name: string }[] }).items.map((c) => c.name)).toContain('Northwind Traders Ltd')
      for (const bad of ['limit=0', 'cursor=***', `cursor=${Buffer.from('{"k":1}').toString('base64url')}`]) expectRefusal(await admin.get(`/api/v1/companies?${bad}`), 400, 'VALIDATION')
    })

    it.runIf(backend.enabled)('shows a company with its users subtab, websites and document lock', async () => {
      const response = await admin.get('/api/v1/companies/3')
      expect(response.status, response.text).toBe(200)
      const company = response.body as { documentLocked: boolean; userCount: number; users: { id: number; username: string; status: string; website: string | null }[]; documents: { invoices: number } }
      expect(company.documentLocked).toBe(true)
      expect(company.documents.invoices).toBeGreaterThan(0)
      const { rows } = await sql<{ id: number; login: string; active: boolean }>`select id, login, active from users where company_id = 3 order by lower(name), id`.execute(db())
      expect(company.userCount).toBe(rows.length)
      expect(company.users.map((u) => u.id)).toEqual(rows.slice(0, 200).map((r) => r.id))
      expect(company.users.map((u) => u.status)).toEqual(rows.slice(0, 200).map((r) => (r.login.startsWith('__deleted_user_') ? 'deleted' : r.active ? 'active' : 'archived')))
      expect(((await admin.get('/api/v1/companies/1')).body as { documentLocked: boolean }).documentLocked).toBe(false)
      expectRefusal(await admin.get('/api/v1/companies/999999'), 404, 'NOT_FOUND')
      expectRefusal(await admin.get('/api/v1/companies/abc'), 400, 'VALIDATION')
      const websites = await admin.get('/api/v1/websites')
      const { rows: siteRows } = await sql<{ n: number }>`select count(*)::int as n from websites`.execute(db())
      expect((websites.body as { items: unknown[] }).items).toHaveLength(siteRows[0]?.n ?? -1)
      expectRefusal(await portal.request('GET', '/api/v1/websites'), 401, 'UNAUTHORIZED')
    })
  })
})
