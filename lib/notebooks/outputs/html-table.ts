import type { Element, ElementContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import type { Paragraph, RootContent } from 'mdast'
import { visit, SKIP } from 'unist-util-visit'
import { jsxElement, jsxText, writtenMdx } from './jsx-markup'

// The HTML limits of colspan and rowspan; a notebook's larger numbers are clamped to them.
const MAX_COLUMN_SPAN = 1000
const MAX_ROW_SPAN = 65534

// Integers, decimals, thousands separators, exponents, percentages and pandas' missing values.
const NUMERIC = /^[-+\u2212]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?%?$|^[-+]?(?:nan|inf)$|^<NA>$/i
// pandas' line under a truncated frame: "60 rows × 3 columns".
const SHAPE = /^\d+ rows × \d+ columns$/

type Row = { cells: Element[] }

/** The node as an element when it is one of `names`. */
const elementNamed = (node: ElementContent, ...names: string[]): Element | undefined =>
  node.type === 'element' && names.includes(node.tagName) ? node : undefined

const cellText = (cell: Element) => toText(cell).replace(/\s+/g, ' ').trim()

function span(value: unknown, limit: number): number | undefined {
  const number = Math.floor(Number(value))
  return Number.isFinite(number) && number > 1 ? Math.min(number, limit) : undefined
}

function cellMarkup(cell: Element): string {
  const text = cellText(cell)
  return jsxElement(
    cell.tagName,
    {
      colSpan: span(cell.properties.colSpan, MAX_COLUMN_SPAN),
      rowSpan: span(cell.properties.rowSpan, MAX_ROW_SPAN),
      className: NUMERIC.test(text) ? 'num' : undefined,
    },
    jsxText(text),
  )
}

/** The rows of a table in order, split into header rows (in <thead>) and body rows (all others). */
function tableRows(table: Element): { head: Row[]; body: Row[] } {
  const head: Row[] = []
  const body: Row[] = []
  const addRow = (row: Element, into: Row[]) => into.push({ cells: row.children.flatMap((cell) => elementNamed(cell, 'th', 'td') ?? []) })
  for (const child of table.children) {
    const row = elementNamed(child, 'tr')
    const section = elementNamed(child, 'thead', 'tbody', 'tfoot')
    if (row) addRow(row, body)
    for (const sectionRow of section?.children ?? []) {
      const inSection = elementNamed(sectionRow, 'tr')
      if (inSection) addRow(inSection, section?.tagName === 'thead' ? head : body)
    }
  }
  return { head, body }
}

function tableMarkup(table: Element): string | null {
  const { head, body } = tableRows(table)
  if (head.length + body.length === 0) return null
  const rows = (list: Row[]) => list.map((row) => `      ${jsxElement('tr', {}, row.cells.map(cellMarkup).join(''))}`)
  const section = (name: string, list: Row[]) => (list.length ? [`    <${name}>`, ...rows(list), `    </${name}>`] : [])
  return [
    '<div className="table-scroll" role="group" aria-label="Table, scrolls sideways" tabIndex="0">',
    '  <table className="dataframe">',
    ...section('thead', head),
    ...section('tbody', body),
    '  </table>',
    '</div>',
  ].join('\n')
}

const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })

/**
 * The tables of an HTML output (a pandas DataFrame, a Styler) as MDX tables: header rows, spans
 * and index cells as pandas wrote them, numbers marked to align right, in a box that scrolls
 * sideways. Only the text of each cell survives; captions and pandas' "N rows × M columns" line
 * stay as paragraphs. Empty when the HTML holds no table.
 */
export function tablesFromHtml(html: string): RootContent[] {
  const tree = fromHtml(html, { fragment: true })
  const nodes: RootContent[] = []
  let tables = 0
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === 'table') {
      const caption = element.children.flatMap((child) => elementNamed(child, 'caption') ?? [])[0]
      const captionText = caption ? cellText(caption) : ''
      if (captionText) nodes.push(paragraph(captionText))
      const markup = tableMarkup(element)
      if (markup) {
        nodes.push(writtenMdx(markup))
        tables++
      }
      return SKIP
    }
    if (element.tagName === 'p' && tables > 0) {
      const text = cellText(element)
      if (SHAPE.test(text)) nodes.push(paragraph(text))
      return SKIP
    }
  })
  return tables ? nodes : []
}
