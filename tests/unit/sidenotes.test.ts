import type { Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'
import { Window } from 'happy-dom'
import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx/mdx-components'
import { renderFeedHtml } from '@/lib/feed/render-html'
import { rehypePluginsFor, remarkPlugins } from '@/lib/mdx/pipeline.mjs'
import { compileNoteBody } from '@/lib/mdx/preview-compiler'
import rehypeSidenotes from '@/lib/mdx/rehype-sidenotes.mjs'
import { parseNotebook } from '@/lib/notebooks/notebook'
import { notebookToNote } from '@/lib/notebooks/to-mdx'

/**
 * A body as the note page shows it (the compile worker runs the build's pipeline, then the site's
 * MDX components), parsed the way a browser parses the page: anything invalid inside a <p> would be
 * pushed out of it here.
 */
async function renderNote(body: string) {
  const [code] = await compileNoteBody({ source: body })
  const html = renderToStaticMarkup(createElement(getMDXComponent(code), { components: mdxComponents }))
  const { document } = new Window()
  document.body.innerHTML = toHtml(fromHtml(html, { fragment: true }))
  return document
}

const texts = (nodes: Iterable<{ textContent: string | null }>) => [...nodes].map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim())

describe('sidenotes on the note page', () => {
  it('put each footnote beside its reference, inside the paragraph, with a toggle named after it', async () => {
    const document = await renderNote('Kernels launch asynchronously.[^async] Then the host waits.\n\n[^async]: The host continues until it synchronises.\n')
    const paragraph = document.querySelector('p')!
    const reference = paragraph.querySelector('.sidenote-ref')!
    const toggle = reference.querySelector('input.sidenote-toggle')!
    expect(toggle.getAttribute('type')).toBe('checkbox')
    expect(toggle.getAttribute('aria-label')).toBe('Footnote 1')
    const mark = reference.querySelector('label.sidenote-mark')!
    expect(mark.getAttribute('for')).toBe(toggle.id)
    expect(mark.textContent).toBe('1')
    expect(texts(reference.querySelectorAll('.sidenote'))).toEqual(['Footnote 1 The host continues until it synchronises.'])
    expect(paragraph.textContent).toContain('Then the host waits.')

    // The plain footnote link and list stay, for print and readers without CSS.
    const link = reference.querySelector('sup a[data-footnote-ref]')!
    const item = document.querySelector(`section[data-footnotes] li[id="${link.getAttribute('href')!.slice(1)}"]`)!
    expect(texts([item])).toEqual(['The host continues until it synchronises. ↩'])
    expect(item.querySelector('a[data-footnote-backref]')!.getAttribute('href')).toBe(`#${reference.id}`)
    // Every note is in the margin, so wide screens may hide the list.
    expect(item.classList.contains('footnote-in-margin')).toBe(true)
    expect(document.querySelector('section[data-footnotes]')!.classList.contains('footnotes-in-margin')).toBe(true)
  })

  it('number notes as their references, give a note referenced twice a copy at each, and keep ids unique', async () => {
    const document = await renderNote(
      [
        '## Sidenote 1',
        '',
        'Blocks[^blocks] hold threads[^threads], and blocks[^blocks] again.',
        '',
        'Warps[^warps] come last.',
        '',
        '[^warps]: Groups of 32 threads.',
        '[^threads]: The unit of work.',
        '[^blocks]: Groups of threads.',
      ].join('\n'),
    )
    expect(texts(document.querySelectorAll('.sidenote-mark'))).toEqual(['1', '2', '1', '3'])
    expect(texts(document.querySelectorAll('.sidenote'))).toEqual([
      'Footnote 1 Groups of threads.',
      'Footnote 2 The unit of work.',
      'Footnote 1 Groups of threads.',
      'Footnote 3 Groups of 32 threads.',
    ])
    expect(texts(document.querySelectorAll('section[data-footnotes] li'))).toEqual(['Groups of threads. ↩ ↩2', 'The unit of work. ↩', 'Groups of 32 threads. ↩'])

    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id)
    expect(new Set(ids).size).toBe(ids.length)
    // A heading may have been given the id a toggle would take; the toggle takes another.
    expect(ids).toContain('sidenote-1')
    for (const mark of document.querySelectorAll('label.sidenote-mark')) {
      expect(mark.previousElementSibling!.id).toBe(mark.getAttribute('for'))
    }
    const backLinks = [...document.querySelectorAll('section[data-footnotes] li:first-child a[data-footnote-backref]')]
    const referencesToFirst = [...document.querySelectorAll('.sidenote-ref')].filter((ref) => ref.querySelector('.sidenote-mark')!.textContent === '1')
    expect(backLinks.map((link) => link.getAttribute('href'))).toEqual(referencesToFirst.map((ref) => `#${ref.id}`))
  })

  it('carry a footnote with paragraphs, code, math, a list and a link, still valid inside the paragraph', async () => {
    const document = await renderNote(
      [
        'A claim.[^long] More text.',
        '',
        '[^long]: First paragraph, with [a link](https://pytorch.org) and $x^2$.',
        '',
        '    Second paragraph:',
        '',
        '    ```python',
        '    import torch',
        '    ```',
        '',
        '    $$',
        '    y = Wx + b',
        '    $$',
        '',
        '    - item one',
        '    - item two',
      ].join('\n'),
    )
    const paragraph = document.querySelector('p')!
    const note = paragraph.querySelector('.sidenote')!
    expect(paragraph.textContent).toContain('More text.')
    expect(note.querySelector('a[href="https://pytorch.org"]')!.textContent).toBe('a link')
    expect(note.querySelectorAll('.katex')).toHaveLength(2)
    expect(note.querySelector('.katex-display')).not.toBeNull()
    expect(note.querySelector('code')!.textContent).toContain('import torch')
    expect(texts(note.querySelectorAll('[role="list"] > [role="listitem"]'))).toEqual(['item one', 'item two'])
    expect(texts(note.querySelectorAll('.sidenote-p'))).toEqual(['Second paragraph:'])
    expect(note.querySelectorAll('[id], a[data-footnote-backref], p, pre, ul, li, div, figure')).toHaveLength(0)
    // The list keeps the original blocks.
    const item = document.querySelector('section[data-footnotes] li')!
    expect(item.querySelectorAll('p')).toHaveLength(2)
    expect(item.querySelector('pre')).not.toBeNull()
  })

  it('leave references in headings and table cells, and notes holding a component, as plain footnotes', async () => {
    const document = await renderNote(
      [
        'Text[^a].',
        '',
        '| Kind | Size[^b] |',
        '| --- | --- |',
        '| warp | 32 |',
        '',
        'A figure note[^c].',
        '',
        '[^a]: In the margin.',
        '[^b]: In a table.',
        '[^c]: <Figure src="/x.png" alt="X" caption="An X" />',
      ].join('\n'),
    )
    expect(texts(document.querySelectorAll('.sidenote'))).toEqual(['Footnote 1 In the margin.'])
    expect(document.querySelector('td sup a[data-footnote-ref], th sup a[data-footnote-ref]')!.textContent).toBe('2')
    const items = [...document.querySelectorAll('section[data-footnotes] li')]
    expect(items.map((item) => item.classList.contains('footnote-in-margin'))).toEqual([true, false, false])
    // Numbered explicitly, so hiding the first item on wide screens leaves 2 and 3 as they are.
    expect(items.map((item) => item.getAttribute('value'))).toEqual(['1', '2', '3'])
    expect(document.querySelector('section[data-footnotes]')!.classList.contains('footnotes-in-margin')).toBe(false)
  })

  it('come from footnotes in notebook Markdown cells', async () => {
    const md = (source: string) => ({ cell_type: 'markdown', source, metadata: {} })
    const notebook = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        md('---\ntitle: "Notebook"\nsummary: "s"\n---\nIntro.'),
        md('Broadcasting[^bc] aligns shapes.'),
        md('[^bc]: From the right.'),
        md('Views[^own] share storage.\n\n[^own]: Defined in its own cell.'),
      ],
    })
    const { body } = notebookToNote(parseNotebook(notebook), { assetUrl: (asset) => `/nb/${asset.name}` })
    const document = await renderNote(body)
    // A reference in one cell to a note defined in another is a footnote too, as in one Markdown file.
    expect(texts(document.querySelectorAll('p .sidenote'))).toEqual(['Footnote 1 From the right.', 'Footnote 2 Defined in its own cell.'])
  })
})

describe('rehypeSidenotes', () => {
  it('leaves a tree without footnotes untouched', () => {
    const tree = fromHtml('<p>x<sup>2</sup> and <sup><a href="#fn-1">1</a></sup></p><section><ol><li id="fn-1">Not GFM.</li></ol></section>', { fragment: true })
    const before = structuredClone(tree)
    ;(rehypeSidenotes() as (tree: Root) => void)(tree)
    expect(tree).toEqual(before)
  })

  it('runs in the build pipeline, notebook notes included', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkPlugins)
        .use(remarkRehype)
        .use(rehypePluginsFor({ lenientMathFor: () => true }))
        .use(rehypeStringify)
        .process('Text[^1].\n\n[^1]: Note.'),
    )
    expect(html).toContain('<span class="sidenote"><span class="sidenote-number"><span class="sidenote-sr">Footnote </span>1</span> Note.</span>')
  })
})

describe('feeds', () => {
  it('keep plain footnotes: a link to the note in the list at the end, the note text once', async () => {
    const html = await renderFeedHtml('Kernels launch asynchronously.[^async]\n\n[^async]: The host continues.\n', 'https://notes.example/notes/cuda')
    expect(html).toMatch(/<p>Kernels launch asynchronously\.<sup><a href="https:\/\/notes\.example\/notes\/cuda#user-content-fn-async"[^>]*data-footnote-ref[^>]*>1<\/a><\/sup><\/p>/)
    expect(html).toMatch(/<section data-footnotes[^>]*>[\s\S]*<li id="user-content-fn-async">[\s\S]*The host continues\./)
    expect(html.match(/The host continues/g)).toHaveLength(1)
    expect(html).not.toMatch(/sidenote|<input|<label/)
  })
})
