// Some modules have one gateway folder, and the rest of the code goes through it: only
// lib/content/ reads Contentlayer's output, only lib/auth/ talks to next-auth. A client file may
// be allowed a browser entry (next-auth/react) that the server side never imports.
import { importListeners, isClientFile, projectRoot } from '../import-nodes.mjs'
import { projectPath } from '../module-graph.mjs'

/** @typedef {{ module: string, only: string, client?: string[] }} Gateway */

/** @type {import('eslint').Rule.RuleModule} */
export const gateway = {
  meta: {
    type: 'problem',
    docs: { description: 'Each gateway module is imported only from its folder' },
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: { module: { type: 'string' }, only: { type: 'string' }, client: { type: 'array', items: { type: 'string' } } },
        required: ['module', 'only'],
        additionalProperties: false,
      },
    },
    messages: {
      gateway: 'Only {{only}} imports {{module}}; go through it ({{specifier}}).',
      client: "Only {{only}} imports {{module}}; a 'use client' file may import {{allowed}} ({{specifier}}).",
    },
  },
  create(context) {
    const file = projectPath(projectRoot(context), context.filename)
    const gateways = /** @type {Gateway[]} */ (context.options).filter(({ only }) => !file.startsWith(only))
    if (gateways.length === 0) return {}
    const client = isClientFile(context)
    return importListeners((node, specifier) => {
      const match = gateways.find(({ module }) => specifier === module || specifier.startsWith(`${module}/`))
      if (!match) return
      if (client && match.client?.includes(specifier)) return
      const data = { only: match.only, module: match.module, specifier, allowed: match.client?.join(', ') ?? '' }
      context.report({ node, messageId: match.client ? 'client' : 'gateway', data })
    })
  },
}
