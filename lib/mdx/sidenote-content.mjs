// Plain JavaScript, typed by its JSDoc: the preview compile worker loads it with Node
// directly, outside the Next bundle.

// Elements that may sit inside a <p> (HTML's phrasing content) and so stay as they are in a sidenote.
const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'input', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
])

// Blocks keep their meaning for screen readers as ARIA roles once they become spans.
/** @type {Record<string, string>} */
const ROLES = {
  ul: 'list', ol: 'list', li: 'listitem', blockquote: 'blockquote', figure: 'figure',
  table: 'table', thead: 'rowgroup', tbody: 'rowgroup', tfoot: 'rowgroup', tr: 'row', th: 'columnheader', td: 'cell',
}

/**
 * A footnote's text (the children of its <li>) as content valid inside a <p>: block elements become
 * spans with a `sidenote-<tag>` class the stylesheet lays out as blocks, ids are dropped (the footnote
 * list keeps them) and the "back to reference" links go. Null when the footnote holds an MDX component
 * or expression: those render blocks of their own, so that footnote stays in the list only.
 * @param {import('hast').ElementContent[]} children
 * @returns {import('hast').ElementContent[] | null}
 */
export function sidenoteContent(children) {
  if (children.some(holdsMdx)) return null
  const copy = children.filter((node) => !isBackReference(node)).map(toPhrasing)
  while (copy.length > 0 && isBlank(copy[0])) copy.shift()
  // The first paragraph runs on from the note's number.
  const first = copy[0]
  if (first?.type === 'element' && hasClass(first, 'sidenote-p')) copy.splice(0, 1, ...first.children)
  trimEnd(copy)
  return copy
}

/** @param {import('hast').ElementContent} node @returns {import('hast').ElementContent} */
function toPhrasing(node) {
  if (node.type !== 'element') return structuredClone(node)
  const properties = { ...node.properties }
  delete properties.id
  delete properties.name
  // KaTeX's MathML and SVG are phrasing already, and their insides are not HTML.
  if (node.tagName === 'math' || node.tagName === 'svg') return { ...structuredClone(node), properties }
  const children = node.children.filter((child) => !isBackReference(child)).map(toPhrasing)
  if (PHRASING.has(node.tagName)) return { type: 'element', tagName: node.tagName, properties, children }
  const className = [...classesOf(properties), `sidenote-${node.tagName}`]
  const headingLevel = /^h([1-6])$/.exec(node.tagName)?.[1]
  const role = headingLevel ? 'heading' : ROLES[node.tagName]
  return {
    type: 'element',
    tagName: 'span',
    properties: {
      ...properties,
      className,
      ...(role && { role }),
      ...(headingLevel && { ariaLevel: headingLevel }),
      // A wide table scrolls sideways in the narrow note: focusable, so a keyboard can scroll it.
      ...(node.tagName === 'table' && { tabIndex: 0 }),
    },
    children,
  }
}

/** @param {import('hast').Properties} properties @returns {string[]} */
export function classesOf(properties) {
  const value = properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** @param {import('hast').Element} node @param {string} name */
const hasClass = (node, name) => classesOf(node.properties).includes(name)

/** @param {import('hast').ElementContent} node @returns {boolean} */
function isBackReference(node) {
  return node.type === 'element' && node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined
}

/** @param {import('hast').ElementContent} node */
const isBlank = (node) => node.type === 'text' && node.value.trim() === ''

/**
 * Drops the space left where the back links were, at the end of the last text.
 * @param {import('hast').ElementContent[]} nodes
 */
function trimEnd(nodes) {
  while (nodes.length > 0 && isBlank(nodes[nodes.length - 1])) nodes.pop()
  const last = nodes[nodes.length - 1]
  if (last?.type === 'text') last.value = last.value.trimEnd()
  else if (last?.type === 'element' && last.tagName === 'span') trimEnd(last.children)
}

/** @param {import('hast').ElementContent | import('hast').RootContent} node @returns {boolean} */
function holdsMdx(node) {
  if (node.type.startsWith('mdx')) return true
  return 'children' in node && node.children.some(holdsMdx)
}
