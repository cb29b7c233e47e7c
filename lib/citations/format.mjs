// Formats citations and the bibliography in APA (author–date) with citeproc, through citation-js's
// CSL plugin, which bundles the APA style and the en-US locale: nothing is fetched.
import { plugins } from './citation-js.mjs'

const STYLE = 'apa'
const LOCALE = 'en-US'

/**
 * @typedef {import('./references.mjs').CslItem} CslItem
 * @typedef {import('./syntax.mjs').CitedItem} CitedItem
 * @typedef {{ key: string, text: string, prefix?: string, suffix?: string }} FormattedItem
 * @typedef {{ items: FormattedItem[][], bibliography: { key: string, html: string }[] }} FormattedNote
 */

/** @param {string} text */
const withoutParentheses = (text) => (text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text)

/**
 * The note's citations as text, each item apart so each can link to its entry ("Kirk & Hwu,
 * 2016, p. 3"), items of one citation in the bibliography's order as APA wants (unless
 * the author wrote a prefix, "see @a; @b", whose order is theirs); and the
 * bibliography of the cited works, alphabetical, each entry as citeproc's HTML.
 * @param {CslItem[]} works the cited works (all known)
 * @param {CitedItem[][]} citations
 * @returns {FormattedNote}
 */
export function formatNoteCitations(works, citations) {
  const engine = plugins.config.get('@csl').engine(works, STYLE, LOCALE, 'html')
  engine.updateItems(works.map((work) => work.id))
  const [meta, entries] = engine.makeBibliography()
  const order = /** @type {string[][]} */ (meta.entry_ids).map(([key]) => key)
  const bibliography = order.map((key, index) => ({ key, html: entries[index].trim() }))
  engine.setOutputFormat('text')
  /** @param {CitedItem[]} cited */
  const inOrder = (cited) => (cited.some((item) => item.prefix) ? cited : [...cited].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)))
  const items = citations.map((cited) =>
    inOrder(cited).map(({ key, locator, label, prefix, suffix }) => {
      const cluster = engine.makeCitationCluster([{ id: key, ...(locator ? { locator, label } : {}) }])
      return { key, text: withoutParentheses(cluster), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) }
    }),
  )
  return { items, bibliography }
}

/**
 * Builds a formatter once, so the style and locale are parsed (about a second and a half) before a
 * note needs them: the admin preview's compile worker does this as it starts, outside the time
 * limit of the first preview.
 */
export function warmUpCitations() {
  const work = { id: 'warm-up', type: 'book', title: 'Warm-up', author: [{ family: 'Author', given: 'A.' }], issued: { 'date-parts': [[2000]] } }
  formatNoteCitations([work], [[{ key: 'warm-up' }]])
}
