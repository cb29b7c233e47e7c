import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Root } from 'hast'
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx'
import rehypeStringify from 'rehype-stringify'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import sharp from 'sharp'
import { unified } from 'unified'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderFeedHtml } from '@/lib/feed/render-html'
import { buildNotebookNotes } from '@/lib/notebooks/build'
import { parseNotebook } from '@/lib/notebooks/notebook'
import { notebookToNote } from '@/lib/notebooks/to-mdx'
import rehypeImageVariants, { type ImageRoots } from '@/lib/images/rehype-variants'
import { writeVariants } from '@/lib/images/variants.mjs'

const MDX_NODES = ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'] as const
const SHOT = '/notes/big-note/shot-0123456789.png'
const PLOT = '/notebooks/nb/cell-3-abcdef0123.png'
let dir: string
let roots: ImageRoots

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#48a' } }).png().toBuffer()

async function store(root: string, url: string, bytes: Buffer) {
  const file = path.join(root, ...url.split('/').slice(2))
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, bytes)
  await writeVariants(file)
}

/** MDX through the build's image step: the hast tree, and its HTML when no JSX is left. */
async function build(source: string) {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkRehype, { passThrough: [...MDX_NODES] }).use(rehypeImageVariants, { roots })
  const tree = (await processor.run(processor.parse(source))) as Root
  const html = tree.children.some((node) => (MDX_NODES as readonly string[]).includes(node.type)) ? '' : unified().use(rehypeStringify).stringify(tree)
  return { tree, html }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'image-markup-'))
  roots = { notes: path.join(dir, 'notes'), notebooks: path.join(dir, 'notebooks') }
  await store(roots.notes, SHOT, await png(4000, 3000))
  await store(roots.notebooks, PLOT, await png(1200, 900))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the build step for images', () => {
  it('gives a stored image a WebP srcset, sizes, its width and height, and lazy loading below the top', async () => {
    const { html } = await build(`Intro.\n\nMore.\n\nStill more.\n\n![A screenshot](${SHOT})\n`)
    const srcset = [480, 800, 1200, 1600].map((w) => `/notes/big-note/shot-0123456789-${w}.webp ${w}w`).join(', ')
    expect(html).toContain(`<picture><source type="image/webp" srcset="${srcset}" sizes="(min-width: 768px) 720px, 100vw">`)
    expect(html).toContain(`<img src="${SHOT}" alt="A screenshot" width="4000" height="3000" decoding="async" loading="lazy">`)
  })

  it('loads the first image at once when it opens the note, and only that one', async () => {
    const { html } = await build(`![First](${SHOT} "A title")\n\n![Second](${SHOT})\n`)
    expect(html).toContain('title="A title"')
    const tags = html.match(/<img [^>]*>/g)!
    expect(tags[0]).not.toContain('loading=')
    expect(tags[1]).toContain('loading="lazy"')
  })

  it('counts the blocks before an image without the whitespace between them: a third block is still near the top', async () => {
    const { html } = await build(`## Hi\n\nText.\n\n![Third](${SHOT})\n`)
    expect(html.match(/<img [^>]*>/g)![0]).not.toContain('loading=')
  })

  it('honours a written width (a notebook Image(width=300)) and keeps the aspect ratio', async () => {
    const { html } = await build(`<img src="${PLOT}" alt="Plot" width="300" />\n`)
    expect(html).toContain(`<img src="${PLOT}" alt="Plot" width="300" height="225"`)
    expect(html).toContain('sizes="(min-width: 300px) 300px, 100vw"')
    expect(html).toContain('/notebooks/nb/cell-3-abcdef0123-480.webp 480w')
  })

  it('leaves other images plain but sized nowhere it cannot know, and never invents variants', async () => {
    const { html } = await build('Text.\n\nMore.\n\nMore.\n\n![Remote](https://example.com/a.png) ![Missing](/notes/big-note/gone-0123456789.png) ![Odd](/notes/../secret.png)\n')
    expect(html).not.toContain('<picture')
    expect(html).not.toContain('width=')
    expect(html.match(/loading="lazy"/g)).toHaveLength(3)
  })

  it('passes sizes and srcset to a <Figure> as props', async () => {
    const { tree } = await build(`<Figure src="${SHOT}" alt="Shot" caption="A shot" />\n`)
    const figure = tree.children.find((node) => node.type === 'mdxJsxFlowElement') as MdxJsxFlowElementHast
    const props = Object.fromEntries(figure.attributes.map((a) => ('name' in a ? [a.name, a.value] : [])))
    expect(props).toMatchObject({ width: '4000', height: '3000', loading: 'eager', sizes: '(min-width: 768px) 720px, 100vw' })
    expect(props.srcSet).toContain('shot-0123456789-800.webp 800w')
  })
})

describe('notebook plots', () => {
  const PNG = (async () => (await png(600, 400)).toString('base64'))()
  const notebook = async (metadata: unknown) =>
    parseNotebook(
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          { cell_type: 'markdown', source: '---\ntitle: "Plots"\nsummary: "s"\n---\nIntro.', metadata: {} },
          { cell_type: 'code', source: 'Image(data, width=300)', metadata: {}, execution_count: 1, outputs: [{ output_type: 'display_data', data: { 'image/png': await PNG }, metadata }] },
        ],
      }),
    )

  it('keep the width and height the output asks for', async () => {
    const sized = notebookToNote(await notebook({ 'image/png': { width: 300 } }), { assetUrl: (a) => `/nb/${a.name}` })
    expect(sized.body).toMatch(/<img src="\/nb\/cell-2-[0-9a-f]{10}\.png" alt="Plot from cell 2" width="300" \/>/)
    const retina = notebookToNote(await notebook({ 'image/png': { width: 300, height: 200 } }), { assetUrl: (a) => `/nb/${a.name}` })
    expect(retina.body).toContain('width="300" height="200"')
    const plain = notebookToNote(await notebook({}), { assetUrl: (a) => `/nb/${a.name}` })
    expect(plain.body).toMatch(/!\[Plot from cell 2\]\(\/nb\/cell-2-[0-9a-f]{10}\.png\)/)
    // Nonsense sizes are ignored rather than written.
    expect(notebookToNote(await notebook({ 'image/png': { width: '300px' } }), { assetUrl: (a) => `/nb/${a.name}` }).body).toContain('![Plot')
  })

  it('show in feeds as a plain <img> with an absolute URL and the size asked for', async () => {
    const html = await renderFeedHtml('<img src="/notes/x/cell-2-0123456789.png" alt="Plot" width="300" />\n', 'https://notes.example/notes/x')
    expect(html).toBe('<img src="https://notes.example/notes/x/cell-2-0123456789.png" alt="Plot" width="300">')
  })

  it("keep their variants when the build cleans up, and lose them with the plot", async () => {
    const content = path.join(dir, 'content')
    const publicDir = path.join(dir, 'public')
    mkdirSync(path.join(content, 'notes'), { recursive: true })
    const source = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        { cell_type: 'markdown', source: '---\ntitle: "Plots"\nsummary: "s"\ndate: 2025-01-01\n---\nIntro.', metadata: {} },
        { cell_type: 'code', source: 'plot()', metadata: {}, execution_count: 1, outputs: [{ output_type: 'display_data', data: { 'image/png': await PNG }, metadata: {} }] },
      ],
    })
    writeFileSync(path.join(content, 'notes', 'plots.ipynb'), source)
    const first = buildNotebookNotes(content, publicDir)
    for (const plot of first.plots) await writeVariants(plot)
    first.removeStaleFiles()
    const files = () => readdirSync(path.join(publicDir, 'notebooks', 'plots')).sort()
    expect(files().filter((f) => f.endsWith('.webp'))).toHaveLength(2)
    rmSync(path.join(content, 'notes', 'plots.ipynb'))
    buildNotebookNotes(content, publicDir).removeStaleFiles()
    expect(existsSync(path.join(publicDir, 'notebooks', 'plots'))).toBe(false)
  })
})
