import { describe, expect, it } from 'vitest'
import {
  createUserGridSettingsStore,
  defaultColumns,
  defaultGridSettings,
  parseGridSettings,
  userGridSettingsStorageKey
} from '../../../src/renderer/stores/user-grid-settings'
import { createUserListViewStore } from '../../../src/renderer/stores/user-list-view'
import { filterQueryOf, matchingCount } from '../../../src/renderer/features/user-grid/grid-filters'
import { memoryStorage } from './support/render-app'

describe('grid settings read back from storage', () => {
  it('keeps every valid field and drops each damaged one on its own', () => {
    expect(
      parseGridSettings({
        pageSize: 200,
        filters: { status: 'archived', twoFactor: 'on', locked: 'true', signIn: 'dormant', company: { id: 7, name: 'Northwind' }, website: { id: 3, name: 'Portal' } },
        columns: ['email', 'name', 'phone']
      })
    ).toEqual({
      pageSize: 200,
      filters: { status: 'archived', twoFactor: 'on', locked: 'true', signIn: 'dormant', company: { id: 7, name: 'Northwind' }, website: { id: 3, name: 'Portal' } },
      // Fixed columns come back, and the display order is the grid's.
      columns: ['name', 'login', 'email', 'phone']
    })

    expect(
      parseGridSettings({
        pageSize: 75,
        filters: { status: 'deleted', twoFactor: true, locked: 'yes', signIn: 'never', company: { id: -1, name: 'x' }, website: { id: 2 }, evil: '<script>' },
        columns: 'name'
      })
    ).toEqual({ pageSize: 100, filters: { signIn: 'never' }, columns: defaultColumns })

    for (const junk of [null, undefined, 42, 'text', [], { filters: null, columns: [1, 2, 'nope'] }]) {
      const settings = parseGridSettings(junk)
      expect(settings.pageSize).toBe(100)
      expect(settings.filters).toEqual({})
    }
    expect(parseGridSettings({ columns: [1, 2, 'nope'] }).columns).toEqual(['name', 'login'])
  })

  it('remembers settings per connection across app starts, and survives a corrupt entry', async () => {
    const storage = memoryStorage()
    const first = createUserGridSettingsStore({ storage })
    first.getState().save('local', { pageSize: 50, filters: { twoFactor: 'on', company: { id: 4, name: 'Acme' } }, columns: ['name', 'login', 'company'] })
    first.getState().save('remote-1', { ...defaultGridSettings, pageSize: 200 })

    const second = createUserGridSettingsStore({ storage })
    await Promise.resolve()
    expect(second.getState().settingsFor('local')).toEqual({ pageSize: 50, filters: { twoFactor: 'on', company: { id: 4, name: 'Acme' } }, columns: ['name', 'login', 'company'] })
    expect(second.getState().settingsFor('remote-1').pageSize).toBe(200)
    expect(second.getState().settingsFor('never-seen')).toEqual(defaultGridSettings)

    const corrupt = memoryStorage({ [userGridSettingsStorageKey]: '{"state":{"byConnection":{"local":{"pageSize":"lots","filters":[1]},"__proto__":{"pageSize":50}}},"version":1}' })
    const third = createUserGridSettingsStore({ storage: corrupt })
    await Promise.resolve()
    expect(third.getState().settingsFor('local')).toEqual(defaultGridSettings)
    expect(Object.getPrototypeOf(third.getState().byConnection)).toBe(Object.prototype)

    const unreadable = createUserGridSettingsStore({ storage: memoryStorage({ [userGridSettingsStorageKey]: 'not json at all' }) })
    await Promise.resolve()
    expect(unreadable.getState().settingsFor('local')).toEqual(defaultGridSettings)
  })
})

describe('the view store', () => {
  it('adds, replaces and removes filters, each change starting the list from the top', () => {
    const view = createUserListViewStore()
    view.getState().setTopRowIndex(40)
    view.getState().setFilter('twoFactor', 'on')
    expect(view.getState().topRowIndex).toBe(0)
    view.getState().setFilter('company', { id: 9, name: 'Fjord Seafood AS' })
    view.getState().setFilter('twoFactor', 'off')
    expect(view.getState().filters).toEqual({ twoFactor: 'off', company: { id: 9, name: 'Fjord Seafood AS' } })
    view.getState().removeFilter('twoFactor')
    expect(view.getState().filters).toEqual({ company: { id: 9, name: 'Fjord Seafood AS' } })
    view.getState().clearFilters()
    expect(view.getState().filters).toEqual({})

    view.getState().applySettings('local', { pageSize: 200, filters: { locked: 'true' }, columns: ['name', 'login'] })
    expect(view.getState()).toMatchObject({ settingsOf: 'local', pageSize: 200, filters: { locked: 'true' }, columns: ['name', 'login'] })
    view.getState().reset()
    expect(view.getState()).toMatchObject({ settingsOf: null, pageSize: 100, filters: {}, kind: 'portal' })
  })
})

describe('filters as list parameters', () => {
  it('maps each chip to its users:list parameter, one to one', () => {
    expect(filterQueryOf({})).toEqual({})
    expect(
      filterQueryOf({ status: 'all', twoFactor: 'off', locked: 'false', signIn: 'never', company: { id: 5, name: 'A' }, website: { id: 6, name: 'B' } })
    ).toEqual({ status: 'all', twoFactor: 'off', locked: 'false', signIn: 'never', companyId: 5, websiteId: 6 })
  })

  it('knows how many match from the facets only when they count that filter', () => {
    const facets = { kind: { portal: 280, internal: 20 } }
    expect(matchingCount({ kind: 'portal', filters: {}, facets, loaded: 100, complete: false })).toBe(280)
    expect(matchingCount({ kind: 'all', filters: { status: 'archived' }, facets, loaded: 100, complete: false })).toBe(300)
    expect(matchingCount({ kind: 'portal', filters: { twoFactor: 'on' }, facets, loaded: 100, complete: false })).toBeUndefined()
    expect(matchingCount({ kind: 'portal', filters: { twoFactor: 'on' }, facets, loaded: 9, complete: true })).toBe(9)
  })
})
