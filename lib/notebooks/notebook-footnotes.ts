import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { notebookMarkdown } from './markdown-parser'

/**
 * The footnote labels a notebook's Markdown cells define. A cell is parsed alone, and GFM reads
 * `[^x]` as a reference only when `x` is defined in the same document, so each cell is told the
 * labels its neighbours define (see parseWithFootnotes).
 */
export function footnoteLabels(sources: readonly string[]): string[] {
  const labels = new Set<string>()
  for (const source of sources) {
    if (!source.includes('[^')) continue
    visit(notebookMarkdown.parse(source), 'footnoteDefinition', (node) => void labels.add(node.label ?? node.identifier))
  }
  return [...labels]
}

/**
 * A cell's Markdown as a tree in which references to footnotes defined in other cells are footnote
 * references: a stand-in definition of each label is parsed after the cell's text and dropped again.
 */
export function parseWithFootnotes(text: string, labels: readonly string[]): Root {
  if (labels.length === 0 || !text.includes('[^')) return notebookMarkdown.parse(text) as Root
  const lastLine = text.split('\n').length
  const tree = notebookMarkdown.parse(`${text}\n\n${labels.map((label) => `[^${label}]: -`).join('\n\n')}\n`) as Root
  tree.children = tree.children.filter((node) => !(node.type === 'footnoteDefinition' && (node.position?.start.line ?? 0) > lastLine))
  return tree
}
