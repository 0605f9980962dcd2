import { describe, expect, it } from 'vitest'
import { createPreferencesStore, defaultAutoLockMinutes, preferencesStorageKey } from '../../../src/renderer/stores/preferences'

function storeWith(saved: unknown) {
  const items = new Map<string, string>(saved === undefined ? [] : [[preferencesStorageKey, JSON.stringify(saved)]])
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key)
  }
  return { store: createPreferencesStore({ storage, initial: { language: 'en', theme: 'light' } }), items }
}

describe('the auto-lock preference', () => {
  it('defaults to 15 minutes, also for preferences saved before it existed', () => {
    expect(defaultAutoLockMinutes).toBe(15)
    expect(storeWith(undefined).store.getState().autoLockMinutes).toBe(15)
    expect(storeWith({ state: { language: 'zh-CN', theme: 'dark' }, version: 1 }).store.getState()).toMatchObject({ language: 'zh-CN', autoLockMinutes: 15 })
  })

  it('is remembered, and a hand-edited value out of range falls back to the default', () => {
    const { store, items } = storeWith(undefined)
    store.getState().setAutoLockMinutes(5)
    expect(JSON.parse(items.get(preferencesStorageKey) ?? '{}')).toMatchObject({ state: { autoLockMinutes: 5 } })
    for (const bad of [-1, 'ten', 100_000, null]) {
      expect(storeWith({ state: { autoLockMinutes: bad }, version: 1 }).store.getState().autoLockMinutes).toBe(15)
    }
  })

  it('takes a fraction of a minute from storage: the documented test-only override', () => {
    expect(storeWith({ state: { autoLockMinutes: 0.1 }, version: 1 }).store.getState().autoLockMinutes).toBe(0.1)
  })
})
