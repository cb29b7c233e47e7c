import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { displayOneLineMath } from '../mdx/equations.mjs'
import { fenceDisplayMath } from './jupyter-display-math'
import { notebookMarkdown } from './markdown-parser'

/**
 * A Markdown cell's source as a tree, its math read as Jupyter reads it: `$$…$$` over several
 * lines or on one line of its own is a display equation. Lines in the tree's positions are the
 * author's lines in the cell, so a problem names the line they see (columns are not kept).
 */
export function parseMarkdownCell(source: string): Root {
  const { text, originalLines } = fenceDisplayMath(source)
  const tree = notebookMarkdown.parse(text) as Root
  displayOneLineMath(tree, text)
  if (text === source) return tree
  visit(tree, (node) => {
    if (!node.position) return
    node.position.start.line = originalLines[node.position.start.line - 1] ?? node.position.start.line
    node.position.end.line = originalLines[node.position.end.line - 1] ?? node.position.end.line
  })
  return tree
}
