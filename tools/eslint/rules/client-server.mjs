// A 'use client' file is bundled for the browser with everything it imports, so it never imports
// a server module: one under a server folder, or one that imports 'server-only', directly or
// through modules in between. Types are erased and server actions ('use server') are references,
// so both may be imported.
import { importListeners, isClientFile, projectRoot } from '../import-nodes.mjs'
import { moduleInfo, projectPath, resolveImport } from '../module-graph.mjs'

const SERVER_FOLDERS = ['lib/drafts/', 'lib/auth/', 'lib/content/', 'lib/publishing/', 'lib/startup/']

/** Why a module is server-only, or undefined. @param {string} root @param {string} file */
function serverReason(root, file) {
  const folder = SERVER_FOLDERS.find((prefix) => projectPath(root, file).startsWith(prefix))
  if (folder) return `everything in ${folder} is server-only`
  if (moduleInfo(file).serverOnly) return "it imports 'server-only'"
  return undefined
}

/**
 * The first server module `file` leads to, with the modules in between; undefined when none.
 * @param {string} root @param {string} file @param {Set<string>} seen
 * @returns {{ path: string[], reason: string } | undefined}
 */
function serverModuleBehind(root, file, seen = new Set()) {
  if (seen.has(file) || moduleInfo(file).directive === 'use server') return undefined
  seen.add(file)
  const reason = serverReason(root, file)
  if (reason) return { path: [projectPath(root, file)], reason }
  for (const specifier of moduleInfo(file).valueImports) {
    const next = resolveImport(root, file, specifier)
    const found = next && serverModuleBehind(root, next, seen)
    if (found) return { path: [projectPath(root, file), ...found.path], reason: found.reason }
  }
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export const clientServer = {
  meta: {
    type: 'problem',
    docs: { description: "'use client' files never import server modules" },
    schema: [],
    messages: {
      server: "A 'use client' file may not import {{specifier}}: {{reason}}.",
      behind: "A 'use client' file may not import {{specifier}}: it leads to {{path}}, and {{reason}}.",
    },
  },
  create(context) {
    if (!isClientFile(context)) return {}
    const root = projectRoot(context)
    return importListeners((node, specifier, typeOnly) => {
      const target = typeOnly ? undefined : resolveImport(root, context.filename, specifier)
      const found = target && serverModuleBehind(root, target)
      if (!found) return
      if (found.path.length === 1) context.report({ node, messageId: 'server', data: { specifier, reason: found.reason } })
      else context.report({ node, messageId: 'behind', data: { specifier, path: found.path.join(' → '), reason: found.reason } })
    })
  },
}
