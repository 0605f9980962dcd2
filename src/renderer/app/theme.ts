import { theme, type ThemeConfig } from 'antd'
import type { Locale } from '../../shared/errors'
import type { ThemeMode } from '../stores/preferences'

const latinFaces = ['-apple-system', 'BlinkMacSystemFont', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', '"Liberation Sans"']
const chineseFaces = ['"PingFang SC"', '"Hiragino Sans GB"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', '"Noto Sans SC"', '"Source Han Sans SC"']

/**
 * Chinese names appear in the data whatever the UI language, so the Simplified Chinese faces are always
 * listed (without them Linux picks the Japanese variant of Han glyphs). In English the Latin faces come
 * first, or quotes and digits would take the CJK font's full-width shapes; in Chinese the CJK faces
 * lead, so that punctuation is the full-width kind Chinese text expects.
 */
export function fontFamilyFor(language: Locale): string {
  const faces = language === 'zh-CN' ? [...chineseFaces, ...latinFaces] : [...latinFaces, ...chineseFaces]
  return [...faces, 'sans-serif'].join(', ')
}

export function antdTheme(mode: ThemeMode, language: Locale): ThemeConfig {
  return {
    algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
    token: { fontFamily: fontFamilyFor(language) },
    // Keep antd's design tokens as CSS variables so that app.css can use them (focus rings, borders).
    cssVar: { prefix: 'ant' }
  }
}
