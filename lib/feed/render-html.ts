import type { Element, Root } from 'hast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import rehypeKatex from 'rehype-katex'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype'
import { unified } from 'unified'
import remarkCitations from '@/lib/citations/remark-citations.mjs'
import { remarkEquations } from '@/lib/mdx/equations.mjs'
import { katexOptions } from '@/lib/mdx/katex-options.mjs'
import { isScriptOrDataUrl } from '@/lib/security/url-scheme'
import { FEED_FORBIDDEN_ELEMENTS, feedComponent } from './feed-components'
import { remarkUnravelJsx } from './unravel-jsx'
import { xmlSafe } from './xml-text'

const URL_ATTRIBUTES = ['href', 'src', 'poster'] as const

const handlers: RemarkRehypeOptions['handlers'] = {
  mdxJsxFlowElement: (state, node: MdxJsxFlowElement) => feedComponent(node, state.all(node)),
  mdxJsxTextElement: (state, node: MdxJsxTextElement) => feedComponent(node, state.all(node)),
  // Expressions and ESM never reach a feed: they are code, not content.
  mdxFlowExpression: () => undefined,
  mdxTextExpression: () => undefined,
  mdxjsEsm: () => undefined,
}

/** Makes links and images absolute against the note's URL and drops anything a reader could run. */
function rehypeFeedSafe(noteUrl: string) {
  return (tree: Root) => {
    const walk = (parent: Root | Element) => {
      parent.children = parent.children
        .map((child) =>
          child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox'
            ? { type: 'text' as const, value: child.properties.checked ? '☑' : '☐' }
            : child,
        )
        .filter((child) => !(child.type === 'element' && FEED_FORBIDDEN_ELEMENTS.has(child.tagName)) && child.type !== 'raw')
      for (const child of parent.children) {
        if (child.type !== 'element') continue
        for (const name of Object.keys(child.properties)) {
          if (/^on/i.test(name) || name === 'style') delete child.properties[name]
        }
        for (const name of URL_ATTRIBUTES) {
          const value = child.properties[name]
          if (typeof value !== 'string') continue
          child.properties[name] = isScriptOrDataUrl(value) ? '#' : new URL(value, noteUrl).href
        }
        walk(child)
      }
    }
    walk(tree)
  }
}

/**
 * A note's full body as HTML for feed readers: the same Markdown as the page (GFM, math) but with
 * MathML instead of KaTeX's styled HTML, citations without hover previews, plain <pre><code> instead of highlighter spans, absolute
 * URLs, and no scripts, styles or event handlers.
 */
export async function renderFeedHtml(source: string, noteUrl: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkEquations)
    // Citations as on the page, without the hover previews: the bibliography follows the note.
    .use(remarkCitations, { previews: false })
    .use(remarkUnravelJsx)
    .use(remarkRehype, { handlers })
    .use(rehypeKatex, { ...katexOptions, output: 'mathml' })
    .use(rehypeFeedSafe, noteUrl)
    .use(rehypeStringify)
    .process(source)
  return xmlSafe(String(file))
}
