import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBody } from '../../src/shared/api'
import { completeUserDetail, userListPage, userSortKeys, type UserListItem, type UserListPage } from '../../src/shared/users'
import { backends } from './support/backends'
import { startTestPortal, type TestPortal } from './support/portal'

const sortExpressions: Record<string, string> = {
  name: 'lower(name)',
  login: 'lower(login)',
  email: "coalesce(lower(email), '')",
  company: "coalesce(lower(company_name), '')",
  lastSignInAt: "coalesce(last_sign_in_at, '-infinity'::timestamptz)"
}

describe.each(backends)('users API on $name', (backend) => {
  let portal: TestPortal
  let token: string

  /** The listing tests below are about every user: archived ones included (the API's default is active only). */
  const list = async (query: Record<string, string | number>): Promise<UserListPage> => {
    const params = new URLSearchParams(Object.entries({ status: 'all', ...query }).map(([k, v]): [string, string] => [k, String(v)]))
    const response = await portal.request('GET', `/api/v1/users?${params}`, { token })
    expect(response.status, response.text).toBe(200)
    return userListPage.parse(response.body)
  }

  /** Follows nextCursor to the end, checking that every page is full except the last. */
  const allPages = async (query: Record<string, string | number>, limit: number): Promise<UserListItem[]> => {
    const items: UserListItem[] = []
    let cursor: string | null = null
    for (let guard = 0; guard < 1000; guard++) {
      const page: UserListPage = await list({ ...query, limit, ...(cursor ? { cursor } : {}) })
      items.push(...page.items)
      if (page.nextCursor === null) return items
      expect(page.items).toHaveLength(limit)
      cursor = page.nextCursor
    }
    throw new Error('pagination did not end')
  }

  /** The expected order, straight from SQL: the whole filtered set in one query. */
  const expectedIds = async (sort: string, kind: string, like?: string): Promise<number[]> => {
    const key = sort.replace(/^-/, '')
    const direction = sort.startsWith('-') ? 'desc' : 'asc'
    const expression = sortExpressions[key]
    if (!expression) throw new Error(`no expression for ${key}`)
    const kindFilter = kind === 'all' ? sql`true` : sql`kind = ${kind}`
    const searchFilter = like === undefined ? sql`true` : sql`search_text like ${like}`
    const { rows } = await sql<{ id: number }>`select id from users where ${kindFilter} and ${searchFilter}
      order by ${sql.raw(expression)} ${sql.raw(direction)}, id ${sql.raw(direction)}`.execute(portal.server.database.db)
    return rows.map((r) => r.id)
  }

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 400 })
    // Users whose names hold LIKE wildcards, to prove that typed % and _ match only themselves.
    await portal.server.database.db
      .insertInto('users')
      .values([
        { kind: 'portal', login: 'hundred.percent', name: '100% Dedicated', email: 'hundred@wild.example', company_id: 1, website_id: 1 },
        { kind: 'portal', login: 'back\\slash', name: 'Back Slash', email: null, phone: '+1 (415) 555-0199', company_id: 2, website_id: 2 }
      ])
      .execute()
    token = await portal.signIn()
  })
  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled)('lists portal users by default filter with counts per kind', async () => {
    const page = await list({ kind: 'portal' })
    expect(page.items).toHaveLength(50)
    expect(page.items.every((u) => u.kind === 'portal')).toBe(true)
    expect(page.facets.kind).toEqual({ portal: 402, internal: 9 })
    expect(page.nextCursor).not.toBeNull()
    const internal = await list({ kind: 'internal' })
    expect(internal.items.map((u) => u.login).sort()).toEqual(
      ['admin', 'e.novak', 'j.okafor', 'li.na', 'm.garcia', 'r.oldfield', 'support', 't.becker', 'wang.fang'].sort()
    )
    expect(internal.nextCursor).toBeNull()
    expect(internal.facets.kind).toEqual({ portal: 402, internal: 9 })
    const all = await list({ kind: 'all', limit: 1 })
    expect(all.facets.kind).toEqual({ portal: 402, internal: 9 })
  })

  it.runIf(backend.enabled)('keeps the kind counts right through inserts, kind changes and deletes', async () => {
    const db = portal.server.database.db
    const actual = async () => {
      const { rows } = await sql<{ portal: number; internal: number }>`select count(*) filter (where kind = 'portal')::int as portal,
        count(*) filter (where kind = 'internal')::int as internal from users`.execute(db)
      return rows[0]
    }
    const inserted = await db
      .insertInto('users')
      .values({ kind: 'portal', login: 'temporary.user', name: 'Temporary User' })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await list({ limit: 1 })).facets.kind).toEqual(await actual())
    await db.updateTable('users').set({ kind: 'internal', role: 'user' }).where('id', '=', inserted.id).execute()
    expect((await list({ limit: 1 })).facets.kind).toEqual(await actual())
    await db.deleteFrom('users').where('id', '=', inserted.id).execute()
    expect((await list({ limit: 1 })).facets.kind).toEqual({ portal: 402, internal: 9 })
  })

  for (const key of userSortKeys) {
    for (const sort of [key, `-${key}`]) {
      it.runIf(backend.enabled)(`pages through every user sorted by ${sort} without gaps or duplicates`, async () => {
        const items = await allPages({ kind: 'all', sort }, 37)
        const ids = items.map((u) => u.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids).toEqual(await expectedIds(sort, 'all'))
      })
    }
  }

  it.runIf(backend.enabled)('sorts by name the way people read it', async () => {
    const names = (await allPages({ kind: 'portal', sort: 'name' }, 200)).map((u) => u.name.toLowerCase())
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    expect(names).toEqual(sorted)
  })

  it.runIf(backend.enabled)('pages through a search in a filtered kind, sorted by last sign-in', async () => {
    const items = await allPages({ kind: 'portal', sort: '-lastSignInAt', q: 'an' }, 25)
    expect(items.length).toBeGreaterThan(25)
    expect(items.map((u) => u.id)).toEqual(await expectedIds('-lastSignInAt', 'portal', '%an%'))
    const times = items.map((u) => (u.lastSignInAt ? Date.parse(u.lastSignInAt) : -Infinity))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it.runIf(backend.enabled)('finds a user by part of the email, in any case', async () => {
    const target = await portal.server.database.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('kind', '=', 'portal')
      .where('email', 'is not', null)
      .where(sql<boolean>`length(split_part(email, '@', 1)) >= 6`)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const part = (target.email ?? '').slice(1, 7).toUpperCase()
    const page = await list({ q: part, limit: 200 })
    expect(page.items.map((u) => u.id)).toContain(target.id)
    for (const item of page.items) {
      const haystack = [item.name, item.login, item.email, item.company].join(' ').toLowerCase()
      expect(haystack).toContain(part.toLowerCase())
    }
    expect(page.facets.kind.portal + page.facets.kind.internal).toBe(page.items.length)
  })

  it.runIf(backend.enabled)('finds Chinese names written in characters', async () => {
    const page = await list({ q: '王', limit: 200 })
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.some((u) => u.login === 'wang.fang')).toBe(true)
    for (const item of page.items) expect([item.name, item.company].join(' ')).toContain('王')
  })

  it.runIf(backend.enabled)('matches every word of the search, in any order', async () => {
    const page = await list({ q: 'fang WANG', kind: 'internal' })
    expect(page.items.map((u) => u.login)).toEqual(['wang.fang'])
  })

  it.runIf(backend.enabled)('finds phones whatever their spaces, dashes and parentheses', async () => {
    for (const q of ['(415) 555-0199', '415 555 0199', '4155550199', '555-01 99', '+1 415-555-0199']) {
      const page = await list({ q })
      expect(page.items.map((u) => u.login), q).toContain('back\\slash')
    }
  })

  it.runIf(backend.enabled)('finds users by company name', async () => {
    const page = await list({ q: 'northwind', kind: 'portal', limit: 200 })
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from users u join companies c on c.id = u.company_id
      where c.name = 'Northwind Traders Ltd'`.execute(portal.server.database.db)
    expect(page.items.filter((u) => u.company === 'Northwind Traders Ltd')).toHaveLength(rows[0]?.n ?? -1)
    expect(page.items.length).toBeGreaterThan(0)
  })

  it.runIf(backend.enabled)('follows a company rename in search and company sort', async () => {
    const db = portal.server.database.db
    const members = await db.selectFrom('users').select('id').where('company_id', '=', 5).execute()
    expect(members.length).toBeGreaterThan(0)
    await db.updateTable('companies').set({ name: 'AAA Zyxwv Bakeries' }).where('id', '=', 5).execute()
    const page = await list({ q: 'zyxwv', limit: 200 })
    expect(page.items.map((u) => u.id).sort((a, b) => a - b)).toEqual(members.map((m) => m.id).sort((a, b) => a - b))
    expect(page.items.every((u) => u.company === 'AAA Zyxwv Bakeries')).toBe(true)
    const first = await list({ kind: 'portal', sort: 'company', limit: 1 })
    expect(first.items[0]?.company).toBe('AAA Zyxwv Bakeries')
    const moved = members[0]?.id ?? 0
    await db.updateTable('users').set({ company_id: 1 }).where('id', '=', moved).execute()
    expect((await list({ q: 'zyxwv', limit: 200 })).items.map((u) => u.id)).not.toContain(moved)
  })

  it.runIf(backend.enabled)('treats typed LIKE wildcards as plain characters', async () => {
    expect((await list({ q: '%' })).items.map((u) => u.login)).toEqual(['hundred.percent'])
    expect((await list({ q: '100%' })).items.map((u) => u.login)).toEqual(['hundred.percent'])
    expect((await list({ q: '\\' })).items.map((u) => u.login)).toEqual(['back\\slash'])
    const underscores = await list({ q: '_', limit: 200 })
    for (const item of underscores.items) expect([item.name, item.login, item.email].join(' ')).toContain('_')
  })

  it.runIf(backend.enabled)('counts the search in both kinds whatever the kind filter', async () => {
    const internal = await list({ q: 'a', kind: 'internal' })
    const portalSide = await list({ q: 'a', kind: 'portal' })
    expect(internal.facets).toEqual(portalSide.facets)
    expect(internal.facets.kind.portal).toBeGreaterThan(0)
    expect(internal.items.every((u) => u.kind === 'internal')).toBe(true)
  })

  it.runIf(backend.enabled)('returns an empty page for a search without match', async () => {
    const page = await list({ q: 'zzqxj' })
    expect(page).toEqual({ items: [], nextCursor: null, facets: { kind: { portal: 0, internal: 0 } } })
  })

  it.runIf(backend.enabled)('refuses a bad cursor, limit, sort or kind with 400 VALIDATION', async () => {
    const first = await list({ sort: 'name', limit: 5 })
    const cursor = first.nextCursor ?? ''
    const tampered = Buffer.from(JSON.stringify({ s: 'name', k: 5, i: 'x' })).toString('base64url')
    const cases = [
      'cursor=not*base64',
      'cursor=abc',
      `cursor=${tampered}`,
      `cursor=${cursor}&sort=login`,
      `cursor=${Buffer.from(JSON.stringify({ s: 'name', k: 'a', i: 99999999999 })).toString('base64url')}`,
      `cursor=${Buffer.from(JSON.stringify({ s: 'lastSignInAt', k: 'yesterday', i: 3 })).toString('base64url')}&sort=lastSignInAt`,
      'limit=0',
      'limit=201',
      'limit=ten',
      'sort=age',
      'kind=robots',
      'kind=portal&kind=internal'
    ]
    for (const query of cases) {
      const response = await portal.request('GET', `/api/v1/users?${query}`, { token })
      expect(response.status, query).toBe(400)
      const body = apiErrorBody.parse(response.body)
      expect(body.error.code).toBe('VALIDATION')
      expect(Array.isArray(body.error.details)).toBe(true)
    }
  })

  it.runIf(backend.enabled)('returns one user in detail', async () => {
    const row = await portal.server.database.db
      .selectFrom('users')
      .selectAll()
      .where('kind', '=', 'portal')
      .orderBy('id')
      .offset(10)
      .executeTakeFirstOrThrow()
    const response = await portal.request('GET', `/api/v1/users/${row.id}`, { token })
    expect(response.status).toBe(200)
    const detail = completeUserDetail.parse(response.body)
    expect(detail).toMatchObject({
      id: row.id,
      kind: 'portal',
      login: row.login,
      name: row.name,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      role: null,
      companyId: row.company_id,
      websiteId: row.website_id,
      company: row.company_name,
      createdAt: row.created_at.toISOString()
    })
    expect(detail.website).toMatch(/Customer Portal$/)
  })

  it.runIf(backend.enabled)('answers 404 for an unknown id and 400 for one that is not a number', async () => {
    for (const id of ['999999', '2147483648', '99999999999999']) {
      const response = await portal.request('GET', `/api/v1/users/${id}`, { token })
      expect(response.status, id).toBe(404)
      expect(apiErrorBody.parse(response.body).error.code).toBe('NOT_FOUND')
    }
    for (const id of ['abc', '0', '-3', '1.5', '1e400']) {
      const response = await portal.request('GET', `/api/v1/users/${id}`, { token })
      expect(response.status, id).toBe(400)
      expect(apiErrorBody.parse(response.body).error.code).toBe('VALIDATION')
    }
  })
})
