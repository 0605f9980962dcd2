import { describe, expect, it } from 'vitest'
import { planDemoData } from '../../../src/server/db/seed/plan'
import type { UserSeed } from '../../../src/server/db/seed/people'
import { UniqueNames } from '../../../src/server/db/seed/people'
import { asciiFold } from '../../../src/server/db/seed/names'

const now = new Date('2026-02-01T12:00:00.000Z')

function everyone(seed: string, portalUsers: number, batchSize = 97): UserSeed[] {
  const plan = planDemoData({ seed, portalUsers, now })
  return [...plan.internalUsers, ...[...plan.portalUsers(batchSize)].flat()]
}

describe('the demo data plan', () => {
  it('is the same for the same seed, day and size, whatever the batch size', () => {
    expect(everyone('s1', 600, 50)).toEqual(everyone('s1', 600, 1000))
    expect(planDemoData({ seed: 's1', portalUsers: 600, now }).companies).toEqual(planDemoData({ seed: 's1', portalUsers: 600, now }).companies)
  })

  it('differs for another seed', () => {
    const a = everyone('s1', 200).map((u) => u.name)
    const b = everyone('s2', 200).map((u) => u.name)
    expect(a).not.toEqual(b)
  })

  const users = everyone('portaldesk', 3000)
  const portal = users.filter((u) => u.kind === 'portal')

  it('has the operators admin and support, and staff who cannot sign in to the desk', () => {
    const staff = users.filter((u) => u.kind === 'internal')
    expect(staff[0]).toMatchObject({ id: 1, login: 'admin', role: 'administrator', name: 'Portal Administrator', active: true })
    expect(staff.find((u) => u.login === 'support')).toMatchObject({ role: 'support', active: true })
    expect(staff.filter((u) => u.role === 'user').length).toBeGreaterThanOrEqual(2)
    expect(staff.some((u) => !u.active)).toBe(true)
    expect(staff.every((u) => u.companyId === null && u.websiteId === null)).toBe(true)
  })

  it('numbers users from 1 without gaps', () => {
    expect(users.map((u) => u.id)).toEqual(users.map((_, index) => index + 1))
  })

  it('keeps logins and emails unique, ignoring case', () => {
    const logins = users.map((u) => u.login.toLowerCase())
    expect(new Set(logins).size).toBe(logins.length)
    const emails = users.flatMap((u) => (u.email ? [u.email.toLowerCase()] : []))
    expect(new Set(emails).size).toBe(emails.length)
  })

  it('spreads portal users over every contractor, each with its own portal website', () => {
    const plan = planDemoData({ seed: 'portaldesk', portalUsers: 3000, now })
    expect(plan.websites.map((w) => w.companyId)).toEqual(plan.companies.map((c) => c.id))
    expect(new Set(plan.websites.map((w) => w.host)).size).toBe(plan.websites.length)
    const used = new Set(portal.map((u) => u.companyId))
    expect(used.size).toBe(plan.companies.length)
    expect(portal.every((u) => u.websiteId === u.companyId)).toBe(true)
  })

  it('adds contractors for large data sets', () => {
    expect(planDemoData({ seed: 'x', portalUsers: 500, now }).companies).toHaveLength(32)
    expect(planDemoData({ seed: 'x', portalUsers: 1_000_000, now }).companies).toHaveLength(1000)
  })

  it('has Chinese names in characters with pinyin emails', () => {
    const chinese = portal.filter((u) => /^[\u4e00-\u9fff]{2,4}$/.test(u.name))
    expect(chinese.length).toBeGreaterThan(50)
    const withEmail = chinese.filter((u) => u.email)
    expect(withEmail.every((u) => /^[a-z0-9._]+@/i.test(u.email ?? ''))).toBe(true)
    expect(chinese.some((u) => u.language === 'zh-CN')).toBe(true)
  })

  it('varies emails, phones, sign-ins and status the way real data does', () => {
    const share = (predicate: (u: UserSeed) => boolean) => portal.filter(predicate).length / portal.length
    expect(share((u) => u.email === null)).toBeGreaterThan(0.01)
    expect(share((u) => u.phone === null)).toBeGreaterThan(0.05)
    expect(share((u) => u.lastSignInAt === null)).toBeGreaterThan(0.1)
    expect(share((u) => !u.active)).toBeGreaterThan(0.02)
    expect(share((u) => u.login === u.email)).toBeGreaterThan(0.3)
    expect(share((u) => u.login !== u.email)).toBeGreaterThan(0.3)
    const phoneShapes = new Set(portal.flatMap((u) => (u.phone ? [u.phone.replace(/\d/g, '9')] : [])))
    expect(phoneShapes.size).toBeGreaterThan(20)
    expect(new Set(portal.map((u) => u.country)).size).toBeGreaterThan(10)
    expect(new Set(portal.map((u) => u.name)).size).toBeGreaterThan(portal.length * 0.6)
    expect(portal.some((u) => /[äöüéèñøł]/i.test(u.name))).toBe(true)
  })

  it('dates sign-ins in the past and creations before them', () => {
    for (const user of users) {
      expect(Date.parse(user.createdAt)).toBeLessThanOrEqual(now.getTime())
      if (user.lastSignInAt) {
        expect(Date.parse(user.lastSignInAt)).toBeLessThanOrEqual(now.getTime())
        expect(Date.parse(user.createdAt)).toBeLessThanOrEqual(Date.parse(user.lastSignInAt))
      }
    }
  })
})

describe('seed helpers', () => {
  it('folds names to ASCII for logins', () => {
    expect(asciiFold('Müller', true)).toBe('mueller')
    expect(asciiFold('Lefèvre')).toBe('lefevre')
    expect(asciiFold("O'Connor")).toBe('oconnor')
    expect(asciiFold('Łukasz')).toBe('lukasz')
    expect(asciiFold('Nguyễn')).toBe('nguyen')
  })

  it('makes names unique with a number, before the @ of an email', () => {
    const names = new UniqueNames()
    expect(names.claim('anna.schmidt@x.example')).toBe('anna.schmidt@x.example')
    expect(names.claim('Anna.Schmidt@x.example')).toBe('Anna.Schmidt2@x.example')
    expect(names.claim('anna.schmidt@x.example')).toBe('anna.schmidt3@x.example')
    expect(names.claim('jdoe')).toBe('jdoe')
    expect(names.claim('jdoe2')).toBe('jdoe2')
    expect(names.claim('jdoe')).toBe('jdoe3')
  })
})
