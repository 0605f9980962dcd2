// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { errorCodes, errorMessages } from '../../../src/shared/errors'
import { createI18n, translations } from '../../../src/renderer/i18n'

type Tree = { [key: string]: string | Tree }

/** Every leaf as "path.to.key" → value. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') found.set(path, value)
    else for (const [leaf, text] of leaves(value, path)) found.set(leaf, text)
  }
  return found
}

const english = leaves(translations.en)
const chinese = leaves(translations['zh-CN'])

describe('translations', () => {
  it('gives English and Simplified Chinese exactly the same keys', () => {
    const onlyEnglish = [...english.keys()].filter((key) => !chinese.has(key))
    const onlyChinese = [...chinese.keys()].filter((key) => !english.has(key))
    expect(onlyEnglish).toEqual([])
    expect(onlyChinese).toEqual([])
    expect(english.size).toBeGreaterThan(50)
  })

  it('has no empty text in either language', () => {
    const empty = [...english, ...chinese].filter(([, text]) => text.trim() === '').map(([key]) => key)
    expect(empty).toEqual([])
  })

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort()
    const mismatched = [...english].filter(([key, text]) => placeholders(text).join() !== placeholders(chinese.get(key) ?? '').join())
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it('takes every error message from the shared contract', () => {
    for (const code of errorCodes) {
      expect(english.get(`errors.${code}`)).toBe(errorMessages[code].en)
      expect(chinese.get(`errors.${code}`)).toBe(errorMessages[code]['zh-CN'])
    }
  })

  it('translates Chinese text that is actually Chinese for the main screens', () => {
    const i18n = createI18n('zh-CN')
    expect(i18n.t('users.filterPortal')).toBe('门户用户')
    expect(i18n.t('users.filterInternal')).toBe('内部用户')
    expect(i18n.t('users.title')).toBe('管理用户')
  })
})
