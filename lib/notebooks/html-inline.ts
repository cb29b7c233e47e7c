import type { Element, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { Html, PhrasingContent, Root, RootContent } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { SKIP, visit } from 'unist-util-visit'
import { isScriptOrDataUrl } from '../security/url-scheme'
import { rewriteImages, siteImageOrLink, type ImageRewrite } from './markdown-images'

const BLOCK_ELEMENTS = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'center', 'section'])
const SILENT_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed'])

/** An empty element a link can land on: what `<a id="…"></a>` in a notebook is for. */
export function anchorSpan(id: string): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'span', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [] }
}

/** The same anchor between blocks (a paragraph of its own would add an empty line). */
export const flowAnchor = (id: string): MdxJsxFlowElement => ({ ...anchorSpan(id), type: 'mdxJsxFlowElement', children: [] })

/** One space for any run of whitespace and adjacent texts joined; with `trim`, none at the ends. */
function tidy(nodes: PhrasingContent[], trim: boolean): PhrasingContent[] {
  const merged: PhrasingContent[] = []
  for (const node of nodes) {
    const last = merged[merged.length - 1]
    if (node.type === 'text' && last?.type === 'text') last.value += node.value
    else merged.push(node)
  }
  for (const node of merged) if (node.type === 'text') node.value = node.value.replace(/\s+/g, ' ')
  const first = merged[0]
  if (trim && first?.type === 'text') first.value = first.value.trimStart()
  const end = merged[merged.length - 1]
  if (trim && end?.type === 'text') end.value = end.value.trimEnd()
  return merged.filter((node) => node.type !== 'text' || node.value !== '')
}

function phrasing(parent: HastRoot | Element, out: PhrasingContent[]) {
  for (const child of parent.children) {
    if (child.type === 'text') out.push({ type: 'text', value: child.value })
    if (child.type !== 'element' || SILENT_ELEMENTS.has(child.tagName)) continue
    if (child.tagName === 'br') out.push({ type: 'break' })
    else if (child.tagName === 'img') {
      const src = String(child.properties.src ?? '').trim()
      const alt = String(child.properties.alt ?? '').trim()
      // What each image becomes is decided for all images at once (rewriteImages).
      if (src) out.push({ type: 'image', url: src, alt })
      else if (alt) out.push({ type: 'text', value: alt })
    } else if (child.tagName === 'a') {
      const id = String(child.properties.id ?? child.properties.name ?? '').trim()
      if (id) out.push(anchorSpan(id))
      const href = String(child.properties.href ?? '').trim()
      const inner: PhrasingContent[] = []
      phrasing(child, inner)
      const text = tidy(inner, true)
      if (href && !isScriptOrDataUrl(href) && text.length > 0) out.push({ type: 'link', url: href, children: text })
      else out.push(...text)
    } else {
      phrasing(child, out)
      if (BLOCK_ELEMENTS.has(child.tagName)) out.push({ type: 'text', value: ' ' })
    }
  }
}

/**
 * The text of an HTML fragment as Markdown inline content, in order: line breaks stay breaks,
 * links and images stay links and images (anything a reader could run is dropped), `<a id>`
 * anchors stay anchors; every other tag, attribute and script is gone.
 */
export function inlineFromHtml(html: string): PhrasingContent[] {
  const out: PhrasingContent[] = []
  phrasing(fromHtml(html, { fragment: true }), out)
  return tidy(out, true)
}

const OPEN_LINK = /^<a\s[^>]*>$/i
const CLOSE_LINK = /^<\/a\s*>$/i
const FLOW_PARENTS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition', 'mdxJsxFlowElement'])

/**
 * `<a href="…">words</a>` within a paragraph: Markdown reads the two tags apart from the words
 * between them, which would lose the link. Joined here into one Markdown link (or anchor).
 */
function joinInlineLinks(tree: Root) {
  visit(tree, (node) => {
    if (!('children' in node) || FLOW_PARENTS.has(node.type)) return
    const children = node.children as PhrasingContent[]
    // Each opening tag with the first closing tag after it, found in one pass (a cell of
    // unclosed <a> tags would otherwise be searched to its end once per tag).
    const pairs: [number, number][] = []
    let pending = -1
    children.forEach((child, index) => {
      if (child.type !== 'html') return
      if (pending < 0 && OPEN_LINK.test(child.value.trim())) pending = index
      else if (pending >= 0 && CLOSE_LINK.test(child.value.trim())) {
        pairs.push([pending, index])
        pending = -1
      }
    })
    for (const [open, close] of pairs.reverse()) {
      const tag = children[open] as Html
      const [element] = fromHtml(tag.value, { fragment: true }).children
      const properties = element?.type === 'element' ? element.properties : {}
      const id = String(properties.id ?? properties.name ?? '').trim()
      const href = String(properties.href ?? '').trim()
      const inner = children.slice(open + 1, close)
      const link: PhrasingContent[] = href && !isScriptOrDataUrl(href) && inner.length > 0 ? [{ type: 'link', url: href, children: inner, position: tag.position }] : inner
      children.splice(open, close - open + 1, ...(id ? [anchorSpan(id)] : []), ...link)
    }
  })
}

/**
 * Raw HTML becomes what it says in plain Markdown: text, line breaks, links and images. Then
 * every image becomes what the site can show (`rewriteImage`; by default only the site's own).
 */
export function replaceHtml(tree: Root, rewriteImage: ImageRewrite = siteImageOrLink) {
  joinInlineLinks(tree)
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return
    const inline = inlineFromHtml(node.value)
    const isFlow = parent.type === 'root' || parent.type === 'listItem' || parent.type === 'blockquote'
    const onlyAnchors = inline.every((child) => child.type === 'mdxJsxTextElement')
    const flow: RootContent[] = onlyAnchors ? inline.map((span) => ({ ...(span as MdxJsxTextElement), type: 'mdxJsxFlowElement', children: [] })) : [{ type: 'paragraph', children: inline }]
    const nodes: RootContent[] = isFlow ? (inline.length ? flow : []) : inline
    // What the HTML held sits where the HTML was: a problem with one of its images names that line.
    for (const made of nodes) visit(made, (child) => void (child.position ??= node.position))
    parent.children.splice(index, 1, ...(nodes as never[]))
    return [SKIP, index + nodes.length]
  })
  rewriteImages(tree, rewriteImage)
}
