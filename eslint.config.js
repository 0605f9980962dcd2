// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/**
 * The layering of DESIGN.md, enforced: each zone lists what its files may not import.
 * `shared` is pure TypeScript; main and renderer never meet; the server stands alone.
 */
const layering = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { 'import-x': importX },
  settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
  rules: {
    'import-x/no-restricted-paths': [
      'error',
      {
        basePath: import.meta.dirname,
        zones: [
          { target: './src/shared', from: ['./src/main', './src/preload', './src/renderer', './src/server'], message: 'src/shared is the contract: it imports nothing from the runtimes.' },
          { target: './src/main', from: ['./src/renderer', './src/preload', './src/server'], message: 'main talks to the renderer over IPC and to the server over HTTP only.' },
          { target: './src/renderer', from: ['./src/main', './src/preload', './src/server'], message: 'the renderer reaches main through window.desk only.' },
          { target: './src/preload', from: ['./src/main', './src/renderer', './src/server'], message: 'the preload only builds window.desk from src/shared.' },
          { target: './src/server', from: ['./src/main', './src/preload', './src/renderer'], message: 'the portal server never imports the desk.' }
        ]
      }
    ]
  }
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
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
