import type { Element, ElementContent, Properties } from 'hast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { serialVsParallelDescription, taskCount } from '@/lib/mdx/serial-vs-parallel-text'

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement

/** Elements a feed never carries: they run, embed, submit or draw code-driven graphics. */
export const FEED_FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'svg'])

// Plain HTML a note may hold (a notebook's tables and terminal output) that reads the same with no CSS.
const PLAIN_ELEMENTS = new Set(['p', 'div', 'pre', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td'])

/** Literal string/number props of a JSX element; expression props are not evaluated in feeds. */
export function literalProps(node: JsxNode): Record<string, string> {
  const props: Record<string, string> = {}
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue
    if (typeof attribute.value === 'string') props[attribute.name] = attribute.value
    else if (attribute.value && typeof attribute.value === 'object' && /^\d+$/.test(attribute.value.value.trim())) {
      props[attribute.name] = attribute.value.value.trim()
    }
  }
  return props
}

const h = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
})
const text = (value: string): ElementContent => ({ type: 'text', value })

function figure(caption: string | undefined, body: ElementContent[]): Element {
  return h('figure', {}, caption ? [...body, h('figcaption', {}, [text(caption)])] : body)
}

/**
 * How each note component reads in a feed: plain HTML with no CSS, scripts or SVG, so every
 * reader shows the same thing. Unknown components keep only their children.
 */
export function feedComponent(node: JsxNode, children: ElementContent[]): ElementContent[] {
  const props = literalProps(node)
  switch (node.name) {
    case 'Figure':
      return [figure(props.caption, props.src ? [h('img', { src: props.src, alt: props.alt ?? '' })] : children)]
    case 'img': {
      // A notebook plot shown at its own size (Image(width=300)): the original, as feed readers fetch once.
      const size = Object.fromEntries(['width', 'height'].filter((name) => /^\d{1,5}$/.test(props[name] ?? '')).map((name) => [name, props[name]]))
      return props.src ? [h('img', { src: props.src, alt: props.alt ?? '', ...size })] : []
    }
    case 'SerialVsParallel':
      return [h('p', {}, [text(`[Illustration] ${serialVsParallelDescription(taskCount(props.tasks))}`)])]
    case 'LayerFlow':
      return [figure(props.caption, [h('ol', {}, children)])]
    case 'CellOutput':
      return [h('div', {}, [h('p', {}, [h('em', {}, [text('Output:')])]), ...children])]
    case 'Layer':
      return [h('li', {}, [h('strong', {}, [text(props.name ?? '')]), text(props.kind ? ` (${props.kind})` : '')])]
    default:
      if (node.name && PLAIN_ELEMENTS.has(node.name)) {
        const spans = Object.fromEntries(['colSpan', 'rowSpan'].filter((name) => /^\d{1,5}$/.test(props[name] ?? '')).map((name) => [name, props[name]]))
        return [h(node.name, spans, children)]
      }
      // Raw HTML-like elements that could run or embed something are dropped with their content.
      return node.name && FEED_FORBIDDEN_ELEMENTS.has(node.name.toLowerCase()) ? [] : children
  }
}
