// The parts of an ESLint rule every import-boundary rule shares: which statements import a
// module, whether the file is a client component, and the project root the rules judge paths by.

/**
 * Listeners that call `check` for each module the file imports (static, re-exported or dynamic),
 * saying whether only types come from it: those are erased and never reach a bundle.
 * @param {(node: import('estree').Node, specifier: string, typeOnly: boolean) => void} check
 * @returns {import('eslint').Rule.RuleListener}
 */
export function importListeners(check) {
  /** @param {any} node @param {'importKind' | 'exportKind'} kind @param {any[]} specifiers */
  const typeOnly = (node, kind, specifiers) =>
    node[kind] === 'type' || (specifiers.length > 0 && specifiers.every((specifier) => specifier[kind] === 'type'))
  return {
    ImportDeclaration(node) {
      check(node.source, String(node.source.value), typeOnly(node, 'importKind', node.specifiers))
    },
    ExportNamedDeclaration(node) {
      if (node.source) check(node.source, String(node.source.value), typeOnly(node, 'exportKind', node.specifiers))
    },
    ExportAllDeclaration(node) {
      check(node.source, String(node.source.value), typeOnly(node, 'exportKind', []))
    },
    ImportExpression(node) {
      if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node.source, node.source.value, false)
    },
  }
}

/** Whether the file opens with a 'use client' directive. @param {import('eslint').Rule.RuleContext} context */
export function isClientFile(context) {
  for (const statement of context.sourceCode.ast.body) {
    const directive = statement.type === 'ExpressionStatement' && 'directive' in statement ? statement.directive : undefined
    if (directive === undefined) return false
    if (directive === 'use client') return true
  }
  return false
}

/** The project root: set in the config's settings, else ESLint's working directory. @param {import('eslint').Rule.RuleContext} context */
export function projectRoot(context) {
  const settings = /** @type {{ root?: string } | undefined} */ (context.settings['import-boundaries'])
  return settings?.root ?? context.cwd
}
