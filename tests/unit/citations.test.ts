// Citations ([@key]) resolved against references.bib: what a reader sees on the page and in feeds,
// and what stops the build or shows in the editor when a key is unknown or the file is malformed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { afterAll, describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx/mdx-components'
import remarkCitations from '@/lib/citations/remark-citations.mjs'
import { findCitations } from '@/lib/citations/syntax.mjs'
import { loadReferences, parseReferences, referencesPath } from '@/lib/citations/references.mjs'
import { findContentCitationProblems, findReferencesProblems } from '@/lib/content/check-citations'
import { forgetCacheWhenInputsChange } from '@/lib/content/compile-cache'
import { splitIntoBlocks } from '@/lib/drafts/preview-blocks'
import { renderFeedHtml } from '@/lib/feed/render-html'
import { checkMdxPolicy, parseNoteBody } from '@/lib/mdx/policy'
import { remarkPlugins, rehypePlugins } from '@/lib/mdx/pipeline.mjs'
import { compileNoteBody } from '@/lib/mdx/preview-compiler'
import { NotebookError, parseNotebook } from '@/lib/notebooks/notebook'
import { notebookToNote } from '@/lib/notebooks/to-mdx'

// The site's own references.bib (content/), which the notes cite.
const SITE_REFERENCES = () => loadReferences(referencesPath('content'))

const temp: string[] = []
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citations-'))
  temp.push(dir)
  return dir
}

/** A note body through the shared pipeline as plain unified (what the build's MDX compile does to Markdown). */
const piped = async (markdown: string) =>
  String(await unified().use(remarkParse).use(remarkPlugins).use(remarkRehype).use(rehypePlugins).use(rehypeStringify).process(markdown))

/** The body as a reader's browser gets it: compiled by the preview's worker (the build's pipeline), rendered by React. */
async function rendered(body: string): Promise<string> {
  expect(checkMdxPolicy(body)).toEqual([])
  const [compiled] = await compileNoteBody({ source: body }, 30_000)
  return renderToStaticMarkup(createElement(getMDXComponent(compiled), { components: mdxComponents }))
}

describe('the citation syntax', () => {
  it('reads keys, locators, prefixes and several keys in one bracket', () => {
    expect(findCitations('A [@kirk2016] B [@kirk2016, p. 3] C [see @a; @b, ch. 2] D [@x, pp. 4–6] E [@y, 12]').map((c) => c.items)).toEqual([
      [{ key: 'kirk2016' }],
      [{ key: 'kirk2016', locator: '3', label: 'page' }],
      [{ key: 'a', prefix: 'see' }, { key: 'b', locator: '2', label: 'chapter' }],
      [{ key: 'x', locator: '4–6', label: 'page' }],
      [{ key: 'y', locator: '12', label: 'page' }],
    ])
  })

  it('leaves brackets that are not citations alone', () => {
    expect(findCitations('mail [me@example.com], [email me @ home], [no at], [@]')).toEqual([])
  })
})

describe('citations on the page', () => {
  it('are formatted author–date, each linking to its entry with a preview tied by aria-describedby', async () => {
    const html = await piped('GPUs run it in parallel [@kirk2016, p. 3].\n\nAs before [see @paszke2019; @kirk2016].')
    expect(html).toContain('(<span class="citation-item"><a href="#ref-kirk2016" aria-describedby="cite-1-preview">Kirk &#x26; Hwu, 2016, p. 3</a>')
    expect(html).toContain('<span id="cite-1-preview" role="tooltip" class="citation-preview">Kirk, D. B., &#x26; Hwu, W. W. (2016). <i>Programming Massively Parallel Processors')
    // A prefix stays outside the link, and the author's order is kept.
    expect(html).toContain('(see <span class="citation-item"><a href="#ref-paszke2019" aria-describedby="cite-2-preview">Paszke et al., 2019</a>')
    expect(html).toMatch(/Paszke et al\., 2019<\/a>.*?<\/span><\/span>; <span class="citation-item"><a href="#ref-kirk2016" aria-describedby="cite-3-preview">Kirk &#x26; Hwu, 2016<\/a>/)
  })

  it('end the note with a References section listing each cited work once, alphabetically, by id', async () => {
    const html = await piped('One [@paszke2019]. Two [@kirk2016]. Three [@paszke2019, p. 8024].')
    const section = html.slice(html.indexOf('<section class="references">'))
    expect(section).toMatch(/^<section class="references"><h2 id="references"><a[^>]*>References<\/a><\/h2><ul class="references-list"><li id="ref-kirk2016">Kirk/)
    expect(section.match(/<li id=/g)).toHaveLength(2)
    expect(section.indexOf('ref-kirk2016')).toBeLessThan(section.indexOf('ref-paszke2019'))
    expect(section).toContain('<a href="https://arxiv.org/abs/1912.01703">https://arxiv.org/abs/1912.01703</a>')
  })

  it('are left alone in code and math', async () => {
    const html = await piped('Code `[@kirk2016]` and math $[@kirk2016]$.\n\n```\nx = [@kirk2016]\n```')
    expect(html).not.toContain('citation')
    expect(html).not.toContain('References')
    expect(html.match(/\[@kirk2016\]/g)).toHaveLength(3)
  })

  it('leave a note without citations exactly as before', async () => {
    const markdown = '## A heading\n\nText with a [link](https://example.com), an email a@b.co and [brackets].\n\n- [ ] a task'
    const without = String(
      await unified()
        .use(remarkParse)
        .use(remarkPlugins.filter((plugin) => plugin !== remarkCitations))
        .use(remarkRehype)
        .use(rehypePlugins)
        .use(rehypeStringify)
        .process(markdown),
    )
    expect(await piped(markdown)).toBe(without)
  })

  it('compile through MDX as the build and the preview do, rendered by React', async () => {
    const html = await rendered('Kernels [@kirk2016, ch. 1].')
    expect(html).toContain('<a href="#ref-kirk2016" aria-describedby="cite-1-preview">Kirk &amp; Hwu, 2016, Chapter 1</a>')
    expect(html).toContain('role="tooltip"')
    expect(html).toMatch(/<h2 id="references">.*References.*<\/h2><ul class="references-list"><li id="ref-kirk2016">/)
  })

  it('format the site’s references.bib, which parses', () => {
    expect([...SITE_REFERENCES().keys()].sort()).toEqual(['chetlur2014', 'kirk2016', 'nickolls2008', 'nvidia-cuda-guide', 'paszke2019'])
  })
})

describe('citations in feeds', () => {
  it('carry the formatted citations and the bibliography, without previews, links absolute', async () => {
    const html = await renderFeedHtml('Parallel [@kirk2016, p. 3] and autograd [@paszke2019].', 'https://notes.example/notes/cuda')
    expect(html).toContain('(<span class="citation-item"><a href="https://notes.example/notes/cuda#ref-kirk2016">Kirk &#x26; Hwu, 2016, p. 3</a></span>)')
    expect(html).toContain('<h2>References</h2>')
    expect(html).toContain('<li id="ref-paszke2019">Paszke, A., Gross, S.')
    expect(html).not.toContain('tooltip')
    expect(html).not.toContain('aria-describedby')
  })
})

describe('unknown keys and a malformed references.bib', () => {
  it('are an inline problem in the editor, at the citation’s line and column', () => {
    const problems = checkMdxPolicy('Intro.\n\nSee the book [@kirk2016] and [@nope2020, p. 3].')
    expect(problems).toEqual([{ line: 3, column: 30, message: 'Unknown citation key "@nope2020": it is not in references.bib.' }])
  })

  it('a citation in a heading is a problem at its place, and the heading keeps its text', async () => {
    const source = 'Intro.\n\n## Background [@kirk2016]\n\nText [@kirk2016].'
    expect(checkMdxPolicy(source)).toEqual([{ line: 3, column: 15, message: expect.stringContaining('A citation in a heading') }])
    const html = await renderFeedHtml(source, 'https://notes.example/notes/x')
    expect(html).toContain('<h2>Background [@kirk2016]</h2>')
  })

  it('fail the build naming file, line and key; drafts are skipped', () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'notes'))
    writeFileSync(path.join(dir, 'references.bib'), '@book{known, author = {Doe, Jane}, title = {T}, year = {2020}}\n')
    writeFileSync(path.join(dir, 'notes/a.mdx'), '---\ntitle: A\n---\n\nFine [@known].\n\nNot fine [@missing; @known].\n')
    writeFileSync(path.join(dir, 'notes/draft.mdx'), '---\ntitle: D\ndraft: true\n---\n\n[@missing]\n')
    expect(findContentCitationProblems(dir, ['notes/draft.mdx'])).toEqual([`${dir}/notes/a.mdx:7:10 Unknown citation key "@missing": it is not in references.bib.`])
  })

  it('a malformed references.bib fails the build naming the file and the place', () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'references.bib'), '@book{ok, title = {T}, year = {2020}}\n@article{broken, title = {Unclosed, year = 2000\n')
    const [problem] = findReferencesProblems(dir)
    expect(problem).toMatch(new RegExp(`^${path.join(dir, 'references.bib')}: not valid BibTeX: .* at line \\d+ col \\d+$`))
    writeFileSync(path.join(dir, 'references.bib'), '@book{twice, title = {A}, year = {2020}}\n@book{twice, title = {B}, year = {2021}}\n')
    expect(findReferencesProblems(dir)).toEqual([`${path.join(dir, 'references.bib')}: the key "twice" is used by two entries`])
    expect(() => parseReferences('title = Not BibTeX', 'x.bib')).toThrow('x.bib: not BibTeX')
    expect(parseReferences('% only a comment\n', 'x.bib').size).toBe(0)
  })

  it('in notebooks, fail the notebook naming cell and line; a known key survives the conversion', async () => {
    const md = (source: string) => ({ cell_type: 'markdown', source, metadata: {} })
    const notebook = (...cells: string[]) =>
      parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [md('---\ntitle: "N"\n---\nIntro.'), ...cells.map(md)] }))
    const options = { assetUrl: () => '/nb/x.png', references: SITE_REFERENCES }
    let problems: string[] = []
    try {
      notebookToNote(notebook('Fine [@kirk2016].', 'Line one.\n\nLine three [@nope].'), options)
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error
      problems = error.problems
    }
    expect(problems).toEqual(['cell 3, line 3: Unknown citation key "@nope": it is not in references.bib.'])
    const { body } = notebookToNote(notebook('Parallel [@kirk2016, p. 3] and [@paszke2019]'), options)
    const html = await rendered(body)
    expect(html).toContain('Kirk &amp; Hwu, 2016, p. 3</a>')
    expect(html).toContain('<li id="ref-paszke2019">')
  })
})

describe('the preview', () => {
  it('compiles a note with citations whole, so it has one bibliography', () => {
    const body = 'One [@kirk2016].\n\nTwo.'
    expect(splitIntoBlocks(body, parseNoteBody(body))).toBeNull()
    expect(splitIntoBlocks('One.\n\nTwo.', parseNoteBody('One.\n\nTwo.'))).toEqual(['One.', 'Two.'])
  })
})

describe('the compiled-note cache', () => {
  it('is forgotten when references.bib (or the macros) change, and kept otherwise', () => {
    const dir = tempDir()
    const cache = path.join(dir, '.contentlayer')
    const bib = path.join(dir, 'references.bib')
    const macros = path.join(dir, 'katex-macros.json')
    const cached = path.join(cache, '.cache', 'v1', 'data-1.json')
    const fill = () => {
      mkdirSync(path.dirname(cached), { recursive: true })
      writeFileSync(cached, '{}')
    }
    const cacheFiles = () => readdirSync(path.dirname(cached))
    writeFileSync(bib, '@book{a, title = {A}, year = {2020}}\n')
    fill()
    forgetCacheWhenInputsChange([macros, bib], cache)
    expect(cacheFiles()).toEqual([])
    fill()
    forgetCacheWhenInputsChange([macros, bib], cache)
    expect(cacheFiles()).toEqual(['data-1.json'])
    // Same modification time, other text: the content decides, not the clock.
    const then = new Date(2020, 0, 1)
    utimesSync(bib, then, then)
    writeFileSync(bib, '@book{a, title = {A revised}, year = {2020}}\n')
    utimesSync(bib, then, then)
    forgetCacheWhenInputsChange([macros, bib], cache)
    expect(cacheFiles()).toEqual([])
    fill()
    writeFileSync(macros, '{"\\\\R": "\\\\mathbb{R}"}')
    forgetCacheWhenInputsChange([macros, bib], cache)
    expect(cacheFiles()).toEqual([])
    expect(readFileSync(path.join(cache, '.compile-inputs'), 'utf8')).toContain('A revised')
  })
})
