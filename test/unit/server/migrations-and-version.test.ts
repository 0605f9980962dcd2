import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { latestVersion } from '../../../src/server/db/migrate'
import { migrations } from '../../../src/server/db/migrations'
import { serverVersion } from '../../../src/server/version'

describe('migrations', () => {
  it('are numbered 1, 2, 3, … in order, with unique names', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1))
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length)
    expect(latestVersion()).toBe(migrations.length)
  })
})

describe('serverVersion', () => {
  it('is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(serverVersion).toBe(pkg.version)
  })
})
