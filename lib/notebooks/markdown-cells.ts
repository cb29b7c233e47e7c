import type { Root } from 'mdast'
import type { CellProblems } from './cell-problems'
import { rewriteFileLinks, type StoreLinkedImage } from './file-links'
import { replaceHtml } from './html-inline'
import { readImageBeside, storeImage } from './image-file'
import { notebookImages } from './markdown-images'
import type { Cell } from './notebook'
import { rewriteLinks, type AnchorLink } from './notebook-links'
import { parseMarkdownCell } from './parse-markdown-cell'
import type { ConvertOptions, NotebookAsset } from './to-mdx'

/** What the Markdown cells of one notebook add to while it converts. */
export type MarkdownCellContext = {
  options: ConvertOptions
  assets: NotebookAsset[]
  anchorLinks: AnchorLink[]
  warnings: string[]
  problems: string[]
  /** The footnote labels the notebook's Markdown cells define: a reference may be in another cell. */
  footnotes: readonly string[]
}

/**
 * A Markdown cell as the note's Markdown: its math, its raw HTML reduced to plain Markdown, its
 * images stored with the plots (or links, for other sites'), links to sibling notebooks
 * pointing at their notes, and links to other files beside it shown as text (a warning each).
 * Its `#anchor` links wait in the context for finishHeadings; its problems (each placed at its
 * line, `lineOffset` being the lines front matter took) go to the context, so all are reported.
 */
export function markdownCellTree(cell: Cell, cellNumber: number, context: MarkdownCellContext, lineOffset = 0): Root {
  const into: CellProblems = { problems: context.problems, lineOffset }
  const tree = parseMarkdownCell(cell.source, context.footnotes)
  replaceHtml(tree, notebookImages(cell, cellNumber, context.options, context.assets, into))
  rewriteLinks(tree, cellNumber, context.options.notes, context.anchorLinks, into)
  const { folder } = context.options
  const storeLinkedImage: StoreLinkedImage | undefined = folder
    ? (url, where) => storeImage(cellNumber, readImageBeside(folder, url, where), where, context.options, context.assets)
    : undefined
  rewriteFileLinks(tree, cellNumber, storeLinkedImage, context.warnings, into)
  return tree
}
