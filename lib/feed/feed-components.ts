import type { Element, ElementContent, Properties } from 'hast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement

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
    case 'SerialVsParallel': {
      const tasks = Math.min(Math.max(Number(props.tasks ?? 6), 2), 8)
      return [
        h('p', {}, [
          text(
            `[Illustration] Serial: one CPU core runs tasks 1 to ${tasks} one after another and finishes after ${tasks} time steps. ` +
              `Parallel: ${tasks} GPU cores each run one task at the same time and all finish after 1 time step.`,
          ),
        ]),
      ]
    }
    case 'LayerFlow':
      return [figure(props.caption, [h('ol', {}, children)])]
    case 'Layer':
      return [h('li', {}, [h('strong', {}, [text(props.name ?? '')]), text(props.kind ? ` (${props.kind})` : '')])]
    default:
      // Raw HTML-like elements that could run or embed something are dropped with their content.
      return node.name && /^(script|style|iframe|object|embed|form|svg)$/i.test(node.name) ? [] : children
  }
}
