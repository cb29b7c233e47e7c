import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { displayOneLineMath } from '../mdx/equations.mjs'
import { fenceDisplayMath } from './jupyter-display-math'
import { parseWithFootnotes } from './notebook-footnotes'

/**
 * A Markdown cell's source as a tree, its math read as Jupyter reads it: `$$…$$` over several
 * lines or on one line of its own is a display equation. Lines in the tree's positions are the
 * author's lines in the cell, so a problem names the line they see (columns are not kept).
 * `footnotes`: the footnote labels other cells define, which references here may use.
 */
export function parseMarkdownCell(source: string, footnotes: readonly string[] = []): Root {
  const { text, originalLines } = fenceDisplayMath(source)
  const tree = parseWithFootnotes(text, footnotes)
  displayOneLineMath(tree, text)
  if (text === source) return tree
  visit(tree, (node) => {
    if (!node.position) return
    node.position.start.line = originalLines[node.position.start.line - 1] ?? node.position.start.line
    node.position.end.line = originalLines[node.position.end.line - 1] ?? node.position.end.line
  })
  return tree
}
