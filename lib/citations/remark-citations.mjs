// Turns `[@key, p. 3]` into an APA in-text citation linking to its entry in a "References"
// section appended to the note, with a preview of the entry (role="tooltip", shown by CSS on
// hover and focus: no script). A note without citations is left exactly as it was.
import { fromHtml } from 'hast-util-from-html'
import { formatNoteCitations } from './format.mjs'
import { loadReferences } from './references.mjs'
import { textsWithCitations } from './syntax.mjs'

/**
 * @typedef {import('hast').Element} Element
 * @typedef {import('hast').ElementContent} ElementContent
 * @typedef {{ references?: () => Map<string, import('./references.mjs').CslItem>, previews?: boolean }} Options
 */

// What of citeproc's HTML an entry keeps: emphasis (titles in italics), nothing styled.
const KEPT_ELEMENTS = new Set(['i', 'b', 'em', 'strong', 'sup', 'sub'])
const WEB_ADDRESS = /https?:\/\/[^\s<>"]+/g
const TRAILING_PUNCTUATION = '.,;:'

/** @param {string} key */
export const entryId = (key) => `ref-${key.replace(/[^\w-]/g, '-')}`

/**
 * @param {string} tagName
 * @param {Element['properties']} properties
 * @param {ElementContent[]} children
 * @returns {Element}
 */
const element = (tagName, properties, children) => ({ type: 'element', tagName, properties, children })

/** @param {string} value @returns {ElementContent[]} */
function textWithLinks(value) {
  /** @type {ElementContent[]} */
  const out = []
  let last = 0
  for (const match of value.matchAll(WEB_ADDRESS)) {
    let url = match[0]
    while (TRAILING_PUNCTUATION.includes(url[url.length - 1])) url = url.slice(0, -1)
    if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) })
    out.push(element('a', { href: url }, [{ type: 'text', value: url }]))
    last = match.index + url.length
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) })
  return out
}

/** @param {import('hast').RootContent[]} nodes @returns {ElementContent[]} */
function keptContent(nodes) {
  return nodes.flatMap((node) => {
    if (node.type === 'text') return textWithLinks(node.value)
    if (node.type !== 'element') return []
    const children = keptContent(node.children)
    return KEPT_ELEMENTS.has(node.tagName) ? [element(node.tagName, {}, children)] : children
  })
}

/**
 * The entry as a preview: its links as text, so a preview adds no tab stop (it is hidden the moment
 * focus leaves the citation's link).
 * @param {ElementContent[]} nodes
 * @returns {ElementContent[]}
 */
function withoutLinks(nodes) {
  return nodes.flatMap((node) => {
    if (node.type !== 'element') return [structuredClone(node)]
    const children = withoutLinks(node.children)
    return node.tagName === 'a' ? children : [{ ...node, properties: { ...node.properties }, children }]
  })
}

/** One citation: "(" items linking to their entries, each with its preview, ")". */
function citationElement(/** @type {import('./format.mjs').FormattedItem[]} */ items, /** @type {Map<string, ElementContent[]>} */ entries, /** @type {() => string} */ nextId, /** @type {boolean} */ previews) {
  /** @type {ElementContent[]} */
  const children = [{ type: 'text', value: '(' }]
  items.forEach(({ key, text, prefix, suffix }, index) => {
    if (index > 0) children.push({ type: 'text', value: '; ' })
    if (prefix) children.push({ type: 'text', value: `${prefix} ` })
    const id = nextId()
    const link = element('a', { href: `#${entryId(key)}`, ...(previews ? { ariaDescribedBy: [`${id}-preview`] } : {}) }, [{ type: 'text', value: text }])
    const preview = element('span', { id: `${id}-preview`, role: 'tooltip', className: ['citation-preview'] }, withoutLinks(entries.get(key) ?? []))
    children.push(element('span', { className: ['citation-item'] }, previews ? [link, preview] : [link]))
    if (suffix) children.push({ type: 'text', value: `, ${suffix}` })
  })
  children.push({ type: 'text', value: ')' })
  return element('span', { className: ['citation'] }, children)
}

/** @param {Options} [options] */
export default function remarkCitations({ references = () => loadReferences(), previews = true } = {}) {
  /** @param {import('mdast').Root} tree @param {import('vfile').VFile} file */
  return (tree, file) => {
    const found = textsWithCitations(tree)
    if (found.length === 0) return
    const known = references()
    const cited = [...new Set(found.flatMap(({ citations }) => citations.flatMap(({ items }) => items.map(({ key }) => key))))]
    for (const key of cited) {
      if (!known.has(key)) file.fail(`Unknown citation key "@${key}": it is not in references.bib`, found.find(({ citations }) => citations.some(({ items }) => items.some((item) => item.key === key)))?.node)
    }
    const works = cited.map((key) => /** @type {import('./references.mjs').CslItem} */ (known.get(key)))
    const formatted = formatNoteCitations(works, found.flatMap(({ citations }) => citations.map(({ items }) => items)))
    /** @type {Map<string, ElementContent[]>} */
    const entries = new Map(formatted.bibliography.map(({ key, html }) => [key, keptContent(fromHtml(html, { fragment: true }).children)]))
    let count = 0
    const nextId = () => `cite-${++count}`
    let clusterIndex = 0
    for (const { node, parent, citations } of found) {
      /** @type {import('mdast').PhrasingContent[]} */
      const replacement = []
      let last = 0
      for (const citation of citations) {
        if (citation.start > last) replacement.push({ type: 'text', value: node.value.slice(last, citation.start) })
        const hast = citationElement(formatted.items[clusterIndex++], entries, nextId, previews)
        replacement.push(/** @type {import('mdast').PhrasingContent} */ (/** @type {unknown} */ ({ type: 'citation', data: { hName: 'span', hProperties: hast.properties, hChildren: hast.children } })))
        last = citation.end
      }
      if (last < node.value.length) replacement.push({ type: 'text', value: node.value.slice(last) })
      parent.children.splice(parent.children.indexOf(node), 1, ...replacement)
    }
    const list = formatted.bibliography.map(({ key }) => element('li', { id: entryId(key) }, entries.get(key) ?? []))
    tree.children.push(/** @type {import('mdast').RootContent} */ (/** @type {unknown} */ ({
      type: 'citationBibliography',
      data: { hName: 'section', hProperties: { className: ['references'] } },
      children: [
        { type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }] },
        { type: 'citationList', data: { hName: 'ul', hProperties: { className: ['references-list'] }, hChildren: list } },
      ],
    })))
  }
}
