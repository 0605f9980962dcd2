// @ts-check
import { dirname, relative, resolve, sep } from 'node:path'

/**
 * Who may import whom, after DESIGN.md: `shared` is the contract and imports no runtime; main and
 * renderer never meet; the preload builds window.desk from shared only; the server stands alone.
 * The rule resolves relative specifiers by path alone, so it also catches imports of files that do
 * not exist yet (an unresolved import must not slip through).
 */
export const forbiddenLayers = {
  shared: ['main', 'preload', 'renderer', 'server'],
  main: ['renderer', 'preload', 'server'],
  preload: ['main', 'renderer', 'server'],
  renderer: ['main', 'preload', 'server'],
  server: ['main', 'preload', 'renderer']
}

/** The layer (`src/<layer>/…`) a path lies in, or null outside src/. */
function layerOf(root, path) {
  const parts = relative(root, path).split(sep)
  return parts[0] === 'src' && parts.length > 1 ? (parts[1] ?? null) : null
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import layering between src/shared, main, preload, renderer and server.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
    messages: { forbidden: 'src/{{from}} may not import src/{{to}} ({{specifier}}): {{why}}' }
  },
  create(context) {
    const root = context.options[0].root
    const file = context.filename
    const from = layerOf(root, file)
    if (!from || !(from in forbiddenLayers)) return {}
    const forbidden = forbiddenLayers[/** @type {keyof typeof forbiddenLayers} */ (from)]
    const why = {
      shared: 'the contract imports nothing from the runtimes',
      main: 'main reaches the renderer over IPC and the server over HTTP only',
      preload: 'the preload only builds window.desk from src/shared',
      renderer: 'the renderer reaches main through window.desk only',
      server: 'the portal server never imports the desk'
    }[from]

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return
      const specifier = source.value
      if (!specifier.startsWith('.')) return
      const to = layerOf(root, resolve(dirname(file), specifier))
      if (to && forbidden.includes(to)) {
        context.report({ node: source, messageId: 'forbidden', data: { from, to, specifier, why } })
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source)
    }
  }
}

export default { rules: { layering: layeringRule } }
