// Plain JavaScript, typed by its JSDoc: the preview compile worker loads it with Node
// directly, outside the Next bundle.
import { classesOf, sidenoteContent } from './sidenote-content.mjs'

/**
 * Places where a note cannot sit beside its reference: a control inside a link or label is invalid
 * HTML, and a float in a heading or table cell would not reach the margin. Those references stay
 * plain footnote links.
 */
const NO_SIDENOTE_INSIDE = new Set(['a', 'button', 'label', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'th', 'td'])

/** @param {string} tagName @param {import('hast').Properties} properties @param {import('hast').ElementContent[]} [children] @returns {import('hast').Element} */
const h = (tagName, properties, children = []) => ({ type: 'element', tagName, properties, children })
/** @param {string} value @returns {import('hast').Text} */
const text = (value) => ({ type: 'text', value })

/** @param {import('hast').Root | import('hast').Element} node @param {(element: import('hast').Element) => void} visit */
function eachElement(node, visit) {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    visit(child)
    eachElement(child, visit)
  }
}

/** @param {import('hast').Root} tree @returns {import('hast').Element | undefined} */
function footnoteSection(tree) {
  /** @type {import('hast').Element | undefined} */
  let found
  eachElement(tree, (element) => {
    if (!found && element.tagName === 'section' && element.properties.dataFootnotes !== undefined) found = element
  })
  return found
}

/** The footnote link GFM makes: <sup><a data-footnote-ref href="#…fn-x">1</a></sup>. @param {import('hast').Element} node */
function footnoteLink(node) {
  const [link] = node.children
  return node.tagName === 'sup' && node.children.length === 1 && link.type === 'element' && link.tagName === 'a' && link.properties.dataFootnoteRef !== undefined
    ? link
    : undefined
}

/**
 * Each GFM footnote reference gets, beside its plain link (kept for print and readers without CSS), a
 * copy of the note that the stylesheet (app/sidenotes.css) floats into the margin on wide screens,
 * and a checkbox and label that show it in place on narrow ones. Footnotes whose every copy is in
 * the margin are marked in the list, which wide screens then hide: a note is read once.
 */
export default function rehypeSidenotes() {
  return (/** @type {import('hast').Root} */ tree) => {
    const section = footnoteSection(tree)
    if (!section) return
    /** @type {Map<string, import('hast').Element>} */
    const items = new Map()
    eachElement(section, (element) => {
      if (element.tagName === 'li' && typeof element.properties.id === 'string') items.set(element.properties.id, element)
    })
    const ids = new Set()
    eachElement(tree, (element) => ids.add(element.properties.id))
    /** @param {string} base */
    const uniqueId = (base) => {
      let id = base
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
      ids.add(id)
      return id
    }
    /** @type {Set<import('hast').Element>} */
    const inMargin = new Set()

    /** @param {import('hast').Root | import('hast').Element} parent @param {boolean} allowed */
    const walk = (parent, allowed) => {
      parent.children = parent.children.map((child) => {
        if (child.type !== 'element' || child === section) return child
        const link = footnoteLink(child)
        const item = link && items.get(String(link.properties.href).slice(1))
        const content = item && allowed ? sidenoteContent(item.children) : null
        if (!link || !item || !content) {
          walk(child, allowed && !NO_SIDENOTE_INSIDE.has(child.tagName))
          return child
        }
        inMargin.add(item)
        return sidenote(link, content, uniqueId)
      })
    }
    walk(tree, true)

    for (const [index, item] of [...items.values()].entries()) {
      // Numbers stay right when wide screens hide the items shown in the margin.
      item.properties.value = String(index + 1)
      if (inMargin.has(item)) item.properties.className = [...classesOf(item.properties), 'footnote-in-margin']
    }
    if (inMargin.size === items.size) section.properties.className = [...classesOf(section.properties), 'footnotes-in-margin']
  }
}

/**
 * @param {import('hast').Element} link @param {import('hast').ElementContent[]} content @param {(base: string) => string} uniqueId
 * @returns {import('hast').Element}
 */
function sidenote(link, content, uniqueId) {
  const number = link.children.map((node) => (node.type === 'text' ? node.value : '')).join('')
  const { id, ...linkProperties } = link.properties
  const toggle = uniqueId(`sidenote-${number}`)
  return h('span', { className: ['sidenote-ref'], id }, [
    h('sup', { className: ['sidenote-link'] }, [{ ...link, properties: linkProperties }]),
    h('input', { type: 'checkbox', id: toggle, className: ['sidenote-toggle'], ariaLabel: `Footnote ${number}` }),
    h('label', { htmlFor: [toggle], className: ['sidenote-mark'], ariaHidden: 'true' }, [text(number)]),
    h('span', { className: ['sidenote'] }, [
      h('span', { className: ['sidenote-number'] }, [h('span', { className: ['sidenote-sr'] }, [text('Footnote ')]), text(number)]),
      text(' '),
      ...content,
    ]),
  ])
}
