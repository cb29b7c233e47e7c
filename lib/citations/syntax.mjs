// The citation syntax, as Pandoc writes it: `[@key]`, `[@key, p. 3]`, `[see @a; @b, ch. 2]`.
// Found in the Markdown tree's text, so code, inline code and math (other node types) are left alone.
import { SKIP, visit } from 'unist-util-visit'

/**
 * @typedef {{ key: string, prefix?: string, locator?: string, label?: string, suffix?: string }} CitedItem
 * @typedef {{ start: number, end: number, items: CitedItem[] }} Citation
 */

// A bracket with no brackets inside, not a link's text (a link is its own node anyway).
const BRACKETS = /\[([^[\]]*)\](?![([:])/g
// A key: starts with a letter, digit or _, may hold inner punctuation (`kirk:2016`, `doe.2020`).
const KEY = /^[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*/u
const KEY_END_PUNCTUATION = ':.#$%&+?<>~/-'

/**
 * One item of a citation: an optional prefix ("see"), @key, an optional ", locator"; or null.
 * @param {string} part
 * @returns {CitedItem | null}
 */
function readItem(part) {
  const at = part.indexOf('@')
  if (at < 0 || (at > 0 && !/\s/.test(part[at - 1]))) return null
  let key = KEY.exec(part.slice(at + 1))?.[0] ?? ''
  while (key && KEY_END_PUNCTUATION.includes(key[key.length - 1])) key = key.slice(0, -1)
  if (!key) return null
  const rest = part.slice(at + 1 + key.length).trim()
  if (rest && !rest.startsWith(',')) return null
  const prefix = part.slice(0, at).trim()
  const after = rest.slice(1).trim()
  return { key, ...(prefix ? { prefix } : {}), ...(after ? readLocator(after) : {}) }
}

/** Locator words and the CSL label each stands for. */
const LABELS = new Map([
  ['p.', 'page'], ['pp.', 'page'], ['page', 'page'], ['pages', 'page'],
  ['ch.', 'chapter'], ['chap.', 'chapter'], ['chapter', 'chapter'], ['chapters', 'chapter'],
  ['sec.', 'section'], ['section', 'section'], ['§', 'section'], ['§§', 'section'],
  ['fig.', 'figure'], ['figure', 'figure'], ['tbl.', 'table'], ['table', 'table'],
  ['eq.', 'equation'], ['vol.', 'volume'], ['para.', 'paragraph'], ['¶', 'paragraph'], ['l.', 'line'], ['ll.', 'line'],
])

/**
 * What follows the key's comma: a locator with its label ("p. 3", "ch. 4"; a bare number is a
 * page), or else free text shown after the citation.
 * @param {string} text
 * @returns {Pick<CitedItem, 'locator' | 'label' | 'suffix'>}
 */
function readLocator(text) {
  const space = text.search(/\s/)
  const word = space < 0 ? text : text.slice(0, space)
  const rest = space < 0 ? '' : text.slice(space).trim()
  const label = LABELS.get(word.toLowerCase())
  if (label && /^\d/.test(rest)) return { locator: rest, label }
  if (/^\d[\d\s,–-]*$/.test(text)) return { locator: text, label: 'page' }
  return { suffix: text }
}

/**
 * The citations in one text, with their offsets in it; a bracket whose every part is not an
 * item (`[email me @home]` has a prefix with no key after it) is not a citation.
 * @param {string} text
 * @returns {Citation[]}
 */
export function findCitations(text) {
  /** @type {Citation[]} */
  const citations = []
  if (!text.includes('@')) return citations
  for (const match of text.matchAll(BRACKETS)) {
    if (!match[1].includes('@')) continue
    const items = match[1].split(';').map(readItem)
    if (items.some((item) => !item)) continue
    citations.push({ start: match.index, end: match.index + match[0].length, items: /** @type {CitedItem[]} */ (items) })
  }
  return citations
}

/**
 * Every text node of a Markdown tree that holds citations (not inside links), with them.
 * @param {import('mdast').Root} tree
 * @returns {{ node: import('mdast').Text, parent: import('mdast').Parent, citations: Citation[] }[]}
 */
export function textsWithCitations(tree) {
  /** @type {{ node: import('mdast').Text, parent: import('mdast').Parent, citations: Citation[] }[]} */
  const found = []
  visit(tree, (node, _index, parent) => {
    // Headings are left alone (lib/citations/problems.mjs refuses a citation there).
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'heading') return SKIP
    if (node.type !== 'text' || !parent) return
    const citations = findCitations(node.value)
    if (citations.length > 0) found.push({ node, parent, citations })
  })
  return found
}

/**
 * The citations written in headings: a heading's text names its anchor and its entry in the table
 * of contents, where a citation's link and preview have no place.
 * @param {import('mdast').Root} tree
 * @returns {{ node: import('mdast').Text, citation: Citation }[]}
 */
export function citationsInHeadings(tree) {
  /** @type {{ node: import('mdast').Text, citation: Citation }[]} */
  const found = []
  visit(tree, 'heading', (heading) => {
    visit(heading, 'text', (node) => {
      for (const citation of findCitations(node.value)) found.push({ node, citation })
    })
    return SKIP
  })
  return found
}
