import type { Node, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { findCitations } from '@/lib/citations/syntax.mjs'
import { slugify } from '@/lib/notes/text'

function textOf(node: Node): string {
  let text = ''
  visit(node, (child) => {
    if ('value' in child && typeof child.value === 'string') text += child.value
  })
  return text
}

/**
 * The body's top-level blocks (a paragraph, a list, a code block, a figure…) as source slices, so
 * the preview can recompile only the block being typed in and reuse the rest. Null when blocks
 * depend on each other and the note must compile whole: footnotes and link definitions refer
 * across blocks, two headings with the same text get numbered ids only in a whole compile, and
 * equations are numbered in order across the note (the tree has been through resolveEquations), and
 * citations share one bibliography at the note's end.
 */
export function splitIntoBlocks(source: string, tree: Root): string[] | null {
  let linked = false
  const headingIds = new Set<string>()
  let repeatedHeading = false
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference' || node.type === 'definition') linked = true
    if ((node.type as string) === 'equation') linked = true
    if (node.type === 'text' && findCitations(node.value).length > 0) linked = true
    if (node.type === 'heading') {
      const id = slugify(textOf(node))
      if (headingIds.has(id)) repeatedHeading = true
      headingIds.add(id)
    }
  })
  if (linked || repeatedHeading) return null
  const blocks: string[] = []
  for (const node of tree.children) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return null
    blocks.push(source.slice(start, end))
  }
  return blocks
}
