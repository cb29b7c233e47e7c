import type { Paragraph, Root, RootContent } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkMdx from 'remark-mdx'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'
import { parse as parseYaml } from 'yaml'
import { trimEndChars } from '../text-trim.mjs'
import { cellVisibility, NotebookError, notebookLanguage, type Cell, type CodeCell, type Notebook, type Output } from './notebook'
import { ImageError, imageType } from '../notes/image-type'
import { FRONT_MATTER } from '../notes/note-file'
import { checkNotebookCitations } from './check-citations'
import { checkNotebookMath, type Origin } from './check-math'
import { displayEnvironmentMath } from './display-environments'
import { checkSvg } from './svg'
import { mimeText, isWidget, readableOutputs, widgetNote } from './outputs/cell-outputs'
import { tablesFromHtml } from './outputs/html-table'
import { latexOutput } from './outputs/latex-output'
import { terminalOutput, tracebackOutput } from './outputs/text-output'
import { chartTitle, checkChartSpec, findChart } from './outputs/chart-spec'
import { chartTextFallback, interactiveChart } from './outputs/chart-output'
import { notebookAssetName } from './asset-name'
import { replaceHtml } from './html-inline'
import { markdownCellTree, type MarkdownCellContext } from './markdown-cells'
import { footnoteLabels } from './notebook-footnotes'
import { parseMarkdownCell } from './parse-markdown-cell'
import { finishHeadings } from './notebook-headings'

export type NotebookAsset = { name: string; bytes: Buffer; ext: 'png' | 'jpg' | 'gif' | 'webp' | 'avif' | 'svg' | 'json'; cell: number }

export type NotebookNote = {
  /** The note's fields as written in the notebook (not yet validated). */
  fields: Record<string, unknown>
  /** The body as MDX that passes the note policy: Markdown, code blocks and <CellOutput>. */
  body: string
  /** Images the outputs hold (and, with `charts`, chart specs as JSON), to be stored where `assetUrl` said they would be. */
  assets: NotebookAsset[]
  /** What is shown though not as written, each naming its cell: math KaTeX renders though LaTeX would not (a Unicode prime), links to files shown as text. */
  warnings: string[]
}

export type ConvertOptions = {
  assetUrl: (asset: NotebookAsset) => string
  /** Set where SVG images are not stored: why, naming the cell, said before any SVG is checked. */
  svgRefusal?: (cell: number) => string
  /** The notebook's folder, where the images its Markdown names by relative path are read; none in the admin import. */
  folder?: string
  /** The published notes a notebook may link as files, by file name ("naive-bayes.ipynb" → its slug); none in the admin import. */
  notes?: ReadonlyMap<string, string>
  /** The references its citations (`[@key]`) are checked against; none in the admin import, whose editor checks them. */
  references?: () => ReadonlyMap<string, unknown>
  /** Set where chart specs are stored beside the plots (the content build): Plotly and Vega-Lite outputs are drawn, not only their fallback. */
  charts?: boolean
}

const mdxWriter = unified()
  .use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' })
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkMdx)

/** The note fields: front matter in the first cell (removed from it), else `metadata.note`. */
function takeFields(notebook: Notebook): { fields: Record<string, unknown>; cells: Cell[]; firstCellOffset: number } {
  const [first, ...rest] = notebook.cells
  const match = first && first.cell_type !== 'code' ? FRONT_MATTER.exec(first.source) : null
  if (match) {
    let fields: unknown
    try {
      fields = parseYaml(match[1], { schema: 'core' }) ?? {}
    } catch (error) {
      throw new NotebookError(`cell 1: the front matter is not valid YAML: ${(error as Error).message}`)
    }
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw new NotebookError('cell 1: the front matter must be a list of fields')
    const remaining = first.source.slice(match[0].length)
    const firstCellOffset = match[0].split('\n').length - 1
    const keepFirst = first.cell_type === 'markdown' && remaining.trim() !== ''
    return { fields: fields as Record<string, unknown>, cells: keepFirst ? [{ ...first, source: remaining }, ...rest] : rest, firstCellOffset: keepFirst ? firstCellOffset : 0 }
  }
  if (notebook.metadata.note) return { fields: notebook.metadata.note, cells: notebook.cells, firstCellOffset: 0 }
  throw new NotebookError('no front matter: start the first Markdown cell with ---, the fields (title, date, summary…), and --- (or set metadata.note)')
}

/** A notebook's note fields as written (not validated), for listing it without converting it. */
export function notebookFields(notebook: Notebook): Record<string, unknown> {
  return takeFields(notebook).fields
}

/** The size an output asks to be shown at (`Image(width=300)`, a retina plot's half size), if any. */
export function outputDisplaySize(metadata: Record<string, unknown> | undefined, mime: string): { width?: number; height?: number } {
  const entry = metadata?.[mime]
  if (!entry || typeof entry !== 'object') return {}
  const read = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 20_000 ? Math.round(value) : undefined)
  const { width, height } = entry as { width?: unknown; height?: unknown }
  return { width: read(width), height: read(height) }
}

/**
 * An image in the note: Markdown when the output has no size of its own, else an `<img>` with
 * the width and height it asks for (the build keeps them, lib/images/rehype-variants.ts).
 */
function imageNode(url: string, alt: string, size: { width?: number; height?: number } = {}): Paragraph | MdxJsxFlowElement {
  if (!size.width && !size.height) return { type: 'paragraph', children: [{ type: 'image', url, alt }] }
  const attributes: MdxJsxFlowElement['attributes'] = [
    { type: 'mdxJsxAttribute', name: 'src', value: url },
    { type: 'mdxJsxAttribute', name: 'alt', value: alt },
  ]
  if (size.width) attributes.push({ type: 'mdxJsxAttribute', name: 'width', value: String(size.width) })
  if (size.height) attributes.push({ type: 'mdxJsxAttribute', name: 'height', value: String(size.height) })
  return { type: 'mdxJsxFlowElement', name: 'img', attributes, children: [] }
}

function imageAsset(cell: number, mime: string, value: unknown, options: ConvertOptions, assets: NotebookAsset[]): string {
  const where = `cell ${cell}: ${mime} output`
  const source = Array.isArray(value) ? value.join('') : value
  if (typeof source !== 'string') throw new NotebookError(`${where} is not text`)
  let bytes: Buffer
  let ext: NotebookAsset['ext']
  if (mime === 'image/svg+xml') {
    if (options.svgRefusal) throw new NotebookError(options.svgRefusal(cell))
    bytes = Buffer.from(checkSvg(source, where), 'utf8')
    ext = 'svg'
  } else {
    bytes = Buffer.from(source.replace(/\s+/g, ''), 'base64')
    // The same check as an image pasted in the editor: the type from the content, at most 5 MB.
    try {
      ext = imageType(bytes) as NotebookAsset['ext']
    } catch (error) {
      if (error instanceof ImageError) throw new NotebookError(`${where}: ${error.message.replace(/\.$/, '')}`)
      throw error
    }
    if (`image/${ext === 'jpg' ? 'jpeg' : ext}` !== mime) throw new NotebookError(`${where} does not hold a valid ${mime} image`)
  }
  const asset: NotebookAsset = { name: notebookAssetName(cell, bytes, ext), bytes, ext, cell }
  assets.push(asset)
  return options.assetUrl(asset)
}

const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml']

function outputNodes(cellNumber: number, cell: CodeCell, output: Output, options: ConvertOptions, assets: NotebookAsset[]): RootContent[] {
  switch (output.output_type) {
    case 'stream':
      return terminalOutput(output.text, { progress: true })
    case 'error':
      return tracebackOutput(output)
    default: {
      const data = output.data
      if (isWidget(output)) return [widgetNote()]
      const chart = findChart(data)
      const alt = cell.metadata.alt?.trim() || (chart && chartTitle(chart)) || `Plot from cell ${cellNumber}`
      const imageMime = IMAGE_MIMES.find((mime) => data[mime] !== undefined)
      const image = (mime: string) => [imageNode(imageAsset(cellNumber, mime, data[mime], options, assets), alt, outputDisplaySize(output.metadata, mime))]
      if (chart) {
        const fallback = imageMime ? image(imageMime) : chartTextFallback(chart, data)
        if (!options.charts) return fallback
        const spec = checkChartSpec(chart, `cell ${cellNumber}`)
        const bytes = Buffer.from(JSON.stringify(spec), 'utf8')
        const asset: NotebookAsset = { name: notebookAssetName(cellNumber, bytes, 'json'), bytes, ext: 'json', cell: cellNumber }
        assets.push(asset)
        const label = alt.startsWith('Plot from cell') ? `Interactive chart from cell ${cellNumber}` : alt
        return [interactiveChart(chart, options.assetUrl(asset), label, fallback)]
      }
      if (imageMime) return image(imageMime)
      const html = data['text/html']
      if (html !== undefined) {
        const tables = tablesFromHtml(mimeText(html))
        if (tables.length) return tables
      }
      const markdown = data['text/markdown']
      if (markdown !== undefined) {
        const tree = parseMarkdownCell(mimeText(markdown))
        replaceHtml(tree)
        return tree.children
      }
      const latex = data['text/latex'] === undefined ? undefined : latexOutput(mimeText(data['text/latex']))
      if (latex) return latex
      const plain = data['text/plain']
      if (plain !== undefined) return terminalOutput(mimeText(plain))
      return []
    }
  }
}

/** Problems in the order of the places they name ("cell 3, line 2: …"), else in the order found. */
function inCellOrder(problems: string[]): string[] {
  const place = (problem: string) => {
    const [, cell = '0', line = '0'] = /^cell (\d+)(?:, line (\d+))?/.exec(problem) ?? []
    return { cell: Number(cell), line: Number(line) }
  }
  return [...problems].sort((a, b) => place(a).cell - place(b).cell || place(a).line - place(b).line)
}

/**
 * A notebook as a note: its fields, and a body in the same MDX as a note written in the editor.
 * Markdown cells keep their Markdown and math (raw HTML reduced to plain Markdown, images and
 * links made to work on the site: markdown-cells.ts), code cells become code blocks in the
 * notebook's language, and outputs follow in a <CellOutput>: text as the terminal last showed it,
 * HTML tables as tables, images as files (named by content) the caller stores. Headings start at
 * <h2> under the title, and keep their Jupyter anchors (notebook-headings.ts).
 */
export function notebookToNote(notebook: Notebook, options: ConvertOptions): NotebookNote {
  const { fields, cells, firstCellOffset } = takeFields(notebook)
  const language = notebookLanguage(notebook)
  const firstCellNumber = notebook.cells.length - cells.length + 1
  const assets: NotebookAsset[] = []
  const children: RootContent[] = []
  const mathTree: Root = { type: 'root', children: [] }
  const origins = new WeakMap<Node, Origin>()
  const problems: string[] = []
  const footnotes = footnoteLabels(cells.filter((cell) => cell.cell_type === 'markdown').map((cell) => cell.source))
  const markdownContext: MarkdownCellContext = { options, assets, anchorLinks: [], warnings: [], problems: [], footnotes }

  const convertCell = (cell: Cell, index: number) => {
    const cellNumber = firstCellNumber + index
    const visible = cellVisibility(cell)
    if (cell.cell_type === 'markdown') {
      if (!visible.input) return
      const origin = { cell: cellNumber, lineOffset: index === 0 ? firstCellOffset : 0 }
      const tree = markdownCellTree(cell, cellNumber, markdownContext, origin.lineOffset)
      const forMath = structuredClone(tree)
      visit(forMath, (node) => void origins.set(node, origin))
      mathTree.children.push(...forMath.children)
      children.push(...tree.children)
      return
    }
    if (cell.cell_type !== 'code') return
    if (visible.input && cell.source.trim()) children.push({ type: 'code', lang: language, value: trimEndChars(cell.source, '\n') })
    if (!visible.output) return
    const outputs = readableOutputs(cell.outputs).flatMap((output) => outputNodes(cellNumber, cell, output, options, assets))
    if (outputs.length === 0) return
    // Math in rich outputs (text/markdown, text/latex) is checked with the cell's number too.
    const forMath = structuredClone(outputs)
    forMath.forEach((node) => visit(node, (child) => void origins.set(child, { cell: cellNumber, lineOffset: 0 })))
    mathTree.children.push(...forMath)
    const wrapper: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'CellOutput', attributes: [], children: outputs as MdxJsxFlowElement['children'] }
    children.push(wrapper)
  }

  // One cell's problem does not hide the next: the author fixes them all in one pass.
  cells.forEach((cell, index) => {
    try {
      convertCell(cell, index)
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error
      problems.push(...error.problems)
    }
  })
  const root: Root = { type: 'root', children }
  try {
    finishHeadings(root, fields.title, markdownContext.anchorLinks)
  } catch (error) {
    if (!(error instanceof NotebookError)) throw error
    problems.push(...error.problems)
  }
  displayEnvironmentMath(root)
  displayEnvironmentMath(mathTree)
  const math = checkNotebookMath(mathTree, origins)
  problems.push(...markdownContext.problems, ...math.problems)
  if (options.references) problems.push(...checkNotebookCitations(mathTree, origins, options.references))
  if (problems.length > 0) throw new NotebookError(inCellOrder(problems))
  return { fields, body: mdxWriter.stringify(root), assets, warnings: inCellOrder([...markdownContext.warnings, ...math.warnings]) }
}
