import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { renderFeedHtml } from '@/lib/feed/render-html'
import { KATEX_MAX_SIZE_EM } from '@/lib/mdx/katex-options.mjs'
import { rehypePlugins, remarkPlugins } from '@/lib/mdx/pipeline.mjs'
import { compileNoteBody } from '@/lib/mdx/preview-compiler'

const HUGE = 'A rule: $\\rule{100000em}{100000em}$ and $\\hspace{50000em}x$.\n\n$$\n\\kern{90000em}y\n$$\n'

/** The largest em size in the rendered HTML's inline styles and MathML sizes (not the TeX source). */
function largestEm(html: string): number {
  const styles = [...html.matchAll(/(?:style|width|height|depth|lspace|rspace)="([^"]*)"/g)].map((match) => match[1]).join(';')
  const sizes = [...styles.matchAll(/(-?\d+(?:\.\d+)?)em/g)].map((match) => Math.abs(Number(match[1])))
  expect(sizes.length).toBeGreaterThan(0)
  return Math.max(...sizes)
}

describe('a formula cannot draw a block over the page', () => {
  it('the build pipeline caps every size', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkPlugins)
      .use(remarkRehype)
      .use(rehypePlugins)
      .use(rehypeStringify)
      .process(HUGE)
    expect(largestEm(String(file))).toBeLessThanOrEqual(KATEX_MAX_SIZE_EM * 1.5)
  })

  it('the preview compiler caps every size', async () => {
    const [code] = await compileNoteBody({ source: HUGE })
    const html = renderToStaticMarkup(createElement(getMDXComponent(code)))
    expect(largestEm(html)).toBeLessThanOrEqual(KATEX_MAX_SIZE_EM * 1.5)
  })

  it('feeds cap every size', async () => {
    const html = await renderFeedHtml(HUGE, 'https://example.com/notes/x')
    expect(html).toContain('<math')
    expect(largestEm(html)).toBeLessThanOrEqual(KATEX_MAX_SIZE_EM * 1.5)
  })
})
