// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import localRules from './eslint-rules/layering.js'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/** The layering of DESIGN.md, enforced by a local rule (see eslint-rules/layering.js). */
const layering = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { local: localRules },
  rules: { 'local/layering': ['error', { root: import.meta.dirname }] }
}

/**
 * Build tools bundle a TypeScript config into a short-lived `<config>.ts.<stamp>.mjs` beside it, import it and delete
 * it. `npm test` lints while the build runs, so ESLint can list such a file and find it gone when it reads it.
 */
const bundledConfigCopies = '**/*.config.ts.*.mjs'

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'node_modules/**', 'test-results/**', 'test-results-*/**', 'playwright-report/**', '**/*.d.ts', bundledConfigCopies] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off'
    }
  },
  layering,
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [...nodeBuiltins, 'electron', 'react', 'react-dom'], patterns: ['node:*', 'electron/*', 'react-dom/*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname']
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [...nodeBuiltins, 'electron'], patterns: ['node:*', 'electron/*'] }]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: ['node:*'] }]
    }
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['electron/*'] }]
    }
  }
)
