// Imports go one way: app → components → lib. lib never imports app or components; components
// never import app (a server action an app file defines reaches a component as a prop).
import { importListeners, projectRoot } from '../import-nodes.mjs'
import { importPath, projectPath } from '../module-graph.mjs'

/** @type {Record<string, string[]>} */
const FORBIDDEN = { lib: ['app', 'components'], components: ['app'] }

/** @param {string} file a project path */
const layerOf = (file) => file.split('/')[0]

/** @type {import('eslint').Rule.RuleModule} */
export const direction = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports go app → components → lib, never back' },
    schema: [],
    messages: { backwards: '{{from}}/ may not import from {{to}}/ ({{specifier}}): imports go app → components → lib.' },
  },
  create(context) {
    const root = projectRoot(context)
    const from = layerOf(projectPath(root, context.filename))
    const forbidden = FORBIDDEN[from]
    if (!forbidden) return {}
    return importListeners((node, specifier) => {
      const target = importPath(root, context.filename, specifier)
      const to = target && layerOf(projectPath(root, target))
      if (to && forbidden.includes(to)) context.report({ node, messageId: 'backwards', data: { from, to, specifier } })
    })
  },
}
