import type { Root } from 'mdast'
import { displayOneLineMath } from '../mdx/equations.mjs'
import { replaceHtml } from './html-inline'
import { notebookImages } from './markdown-images'
import { notebookMarkdown } from './markdown-parser'
import type { Cell } from './notebook'
import { rewriteLinks, type AnchorLink } from './notebook-links'
import type { ConvertOptions, NotebookAsset } from './to-mdx'

/** What the Markdown cells of one notebook add to while it converts. */
export type MarkdownCellContext = { options: ConvertOptions; assets: NotebookAsset[]; anchorLinks: AnchorLink[] }

/**
 * A Markdown cell as the note's Markdown: its math, its raw HTML reduced to plain Markdown, its
 * images stored with the plots (or links, for other sites'), and links to sibling notebooks
 * pointing at their notes. Its `#anchor` links wait in the context for finishHeadings.
 */
export function markdownCellTree(cell: Cell, cellNumber: number, context: MarkdownCellContext): Root {
  const tree = notebookMarkdown.parse(cell.source) as Root
  displayOneLineMath(tree, cell.source)
  replaceHtml(tree, notebookImages(cell, cellNumber, context.options, context.assets))
  rewriteLinks(tree, cellNumber, context.options.notes, context.anchorLinks)
  return tree
}
