// Real notebooks as data scientists save them (tests/fixtures/notebooks-wild, see SOURCES.md there),
// built the way the content build builds them, and read the way a reader would: does every
// notebook become a note, do its images and links lead somewhere, are its tables still tables.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildNotebookNotes, GENERATED_NOTEBOOK_DIR } from '@/lib/notebooks/build'
import { cellVisibility, parseNotebook } from '@/lib/notebooks/notebook'
import { FRONT_MATTER } from '@/lib/notes/note-file'

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/notebooks-wild')

/** Each folder of the corpus is one author's notes folder: its notebooks with their images and siblings. */
const groups = readdirSync(CORPUS).filter(
  (name) => statSync(path.join(CORPUS, name)).isDirectory() && readdirSync(path.join(CORPUS, name)).some((file) => file.endsWith('.ipynb')),
)
const corpus = groups.flatMap((group) =>
  readdirSync(path.join(CORPUS, group))
    .filter((name) => name.endsWith('.ipynb'))
    .map((file) => ({ group, file, slug: file.replace(/\.ipynb$/, '') })),
)

type Kind =
  | 'refused'
  | 'MDX does not parse'
  | 'h1 heading'
  | 'external image'
  | 'inline data: image'
  | 'relative image'
  | 'image under /notes/images'
  | 'image file not written'
  | 'broken in-page anchor'
  | 'link to a missing site path'
  | 'relative link'
  | 'unsafe link'
  | 'HTML table output lost'
  | 'IPython display repr as text'
  | 'widget repr as text'

type Problem = { kind: Kind; detail: string }
/**
 * Notebooks that name files the corpus does not have (they sit outside the notebook's folder in
 * their repository): refusing them, naming cell and path, is right; a broken page is not.
 */
const EXPECTED_REFUSALS: Record<string, RegExp[]> = {
  'ipython-kernel/ipython-kernel-index.ipynb': [/cell 1, line \d+: the image "\.\.\/images\/ipython_logo\.png" points outside the notebook's folder/, /cell 2, line \d+: the link to "\.\.\/Index\.ipynb" names no published note/],
  'notebook-docs/working-with-markdown-cells.ipynb': [/cell 21, line \d+: the image "\.\.\/images\/python_logo\.svg" points outside the notebook's folder/],
}

type Built = { slug: string; mdx: string; headingIds: Set<string> }
type Report = { group: string; file: string; problems: Problem[]; mdxBytes: number }

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath)
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath)
const workDirs: string[] = []
const reports = new Map<string, Report>()
const key = (group: string, file: string) => `${group}/${file}`

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement
const jsxAttribute = (node: JsxElement, name: string) => {
  const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)
  return attribute && typeof attribute.value === 'string' ? attribute.value : undefined
}

/** The heading ids the site gives a note: rehype-slug, i.e. github-slugger over the heading text, in order. */
function headingIds(tree: Root): Set<string> {
  const slugger = new GithubSlugger()
  const ids = new Set<string>()
  visit(tree, (node) => {
    if (node.type === 'heading') ids.add(slugger.slug(toString(node, { includeImageAlt: false })))
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && /^h[1-6]$/.test(node.name ?? '')) {
      ids.add(jsxAttribute(node, 'id') ?? slugger.slug(toString(node, { includeImageAlt: false })))
    }
    // The empty anchors the converter leaves for Jupyter-form ids and a heading that repeated the title.
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'span') {
      const id = jsxAttribute(node, 'id')
      if (id) ids.add(id)
    }
  })
  return ids
}

function parseBody(mdx: string): Root {
  return mdxParser.parse(mdx.replace(FRONT_MATTER, '')) as Root
}

/** How many tables the notebook holds that a reader of Jupyter sees: GFM tables in Markdown cells, HTML table outputs. */
function expectedTables(source: string): { outputs: number; markdown: number } {
  const notebook = parseNotebook(source)
  let outputs = 0
  let markdown = 0
  for (const cell of notebook.cells) {
    const visible = cellVisibility(cell)
    if (cell.cell_type === 'markdown' && visible.input) visit(markdownParser.parse(cell.source), 'table', () => void markdown++)
    if (cell.cell_type !== 'code' || !visible.output) continue
    for (const output of cell.outputs) {
      if (output.output_type !== 'display_data' && output.output_type !== 'execute_result') continue
      const html = output.data['text/html']
      if (html !== undefined && /<table[\s>]/i.test(Array.isArray(html) ? html.join('') : String(html))) outputs++
    }
  }
  return { outputs, markdown }
}

function checkImage(url: string, publicDir: string): Problem | null {
  if (url.startsWith('data:')) return { kind: 'inline data: image', detail: `${url.slice(0, 40)}…` }
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return { kind: 'external image', detail: url }
  if (!url.startsWith('/')) return { kind: 'relative image', detail: url }
  const pathname = decodeURIComponent(url.split(/[?#]/)[0])
  if (pathname.startsWith('/notes/images/')) return { kind: 'image under /notes/images', detail: url }
  if (!existsSync(path.join(publicDir, pathname))) return { kind: 'image file not written', detail: url }
  return null
}

function checkLink(url: string, note: Built, built: Map<string, Built>, publicDir: string): Problem | null {
  if (/^(javascript|vbscript|data):/i.test(url.trim())) return { kind: 'unsafe link', detail: url }
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return null
  const [pathname, hash] = [url.split('#')[0], url.includes('#') ? decodeURIComponent(url.slice(url.indexOf('#') + 1)) : undefined]
  if (pathname === '') return hash === undefined || note.headingIds.has(hash) ? null : { kind: 'broken in-page anchor', detail: `${url} (ids: ${[...note.headingIds].slice(0, 8).join(', ')}…)` }
  if (!pathname.startsWith('/')) return { kind: 'relative link', detail: url }
  const target = /^\/notes\/([^/?]+)\/?$/.exec(pathname)
  if (target) {
    const other = built.get(target[1])
    if (!other) return { kind: 'link to a missing site path', detail: url }
    return hash === undefined || other.headingIds.has(hash) ? null : { kind: 'broken in-page anchor', detail: url }
  }
  return existsSync(path.join(publicDir, decodeURIComponent(pathname))) ? null : { kind: 'link to a missing site path', detail: url }
}

/** What a reader of this note would trip over. */
function readNote(note: Built, source: string, built: Map<string, Built>, publicDir: string): Problem[] {
  const problems: Problem[] = []
  let tree: Root
  try {
    tree = parseBody(note.mdx)
  } catch (error) {
    return [{ kind: 'MDX does not parse', detail: (error as Error).message }]
  }
  const definitions = new Map<string, string>()
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, node.url))
  let tables = 0
  visit(tree, (node) => {
    if (node.type === 'heading' && node.depth === 1) problems.push({ kind: 'h1 heading', detail: `# ${toString(node)}` })
    if (node.type === 'table') tables++
    const image = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined
    const link = node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (node.name === 'h1') problems.push({ kind: 'h1 heading', detail: `<h1>${toString(node)}</h1>` })
      if (node.name === 'table') tables++
      const src = node.name === 'img' ? jsxAttribute(node, 'src') : undefined
      const href = node.name === 'a' ? jsxAttribute(node, 'href') : undefined
      const problem = (src !== undefined && checkImage(src, publicDir)) || (href !== undefined && checkLink(href, note, built, publicDir))
      if (problem) problems.push(problem)
    }
    const problem = (image !== undefined && checkImage(image, publicDir)) || (link !== undefined && checkLink(link, note, built, publicDir))
    if (problem) problems.push(problem)
  })
  const expected = expectedTables(source)
  if (tables < expected.outputs + expected.markdown) {
    problems.push({ kind: 'HTML table output lost', detail: `${expected.outputs} HTML table output(s) and ${expected.markdown} Markdown table(s), ${tables} table(s) in the note` })
  }
  for (const line of note.mdx.split('\n')) {
    if (line.includes('<IPython.core.display')) problems.push({ kind: 'IPython display repr as text', detail: line.trim().slice(0, 80) })
    if (line.includes('interactive(children=')) problems.push({ kind: 'widget repr as text', detail: line.trim().slice(0, 80) })
  }
  return problems
}

/** Builds one corpus folder as `content/notes` with its own public folder, as the content build does. */
function buildGroup(group: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `notebooks-wild-${group}-`))
  workDirs.push(dir)
  const contentDir = path.join(dir, 'content')
  const publicDir = path.join(dir, 'public')
  cpSync(path.join(CORPUS, group), path.join(contentDir, 'notes'), { recursive: true })
  const refusals = new Map<string, string>()
  try {
    const { problems } = buildNotebookNotes(contentDir, publicDir)
    // Each problem names its notebook: "<contentDir>/notes/<file>: cell 3: why".
    for (const problem of problems) {
      const file = /\/notes\/([^/:]+\.ipynb): /.exec(problem)?.[1]
      if (file) refusals.set(file, [refusals.get(file), problem.slice(problem.indexOf(`/notes/${file}: `) + `/notes/${file}: `.length)].filter(Boolean).join(' | '))
    }
  } catch (error) {
    const message = (error as Error).message
    // The build names each refused notebook on a line of its own: "  • <contentDir>/notes/<file>: why".
    for (const entry of corpus.filter((item) => item.group === group)) {
      const line = message.split('\n').find((text) => text.includes(`/notes/${entry.file}:`))
      if (line) refusals.set(entry.file, line.slice(line.indexOf(`/notes/${entry.file}:`) + `/notes/${entry.file}: `.length))
      else if (!message.includes('\n  • ')) refusals.set(entry.file, `the build crashed: ${message}`)
    }
  }
  const built = new Map<string, Built>()
  for (const entry of corpus.filter((item) => item.group === group && !refusals.has(item.file))) {
    const file = path.join(contentDir, GENERATED_NOTEBOOK_DIR, `${entry.slug}.mdx`)
    if (!existsSync(file)) {
      refusals.set(entry.file, `no generated note at ${GENERATED_NOTEBOOK_DIR}/${entry.slug}.mdx`)
      continue
    }
    const mdx = readFileSync(file, 'utf8')
    let ids = new Set<string>()
    try {
      ids = headingIds(parseBody(mdx))
    } catch {
      // readNote reports the parse failure.
    }
    built.set(entry.slug, { slug: entry.slug, mdx, headingIds: ids })
  }
  for (const entry of corpus.filter((item) => item.group === group)) {
    const refusal = refusals.get(entry.file)
    const note = built.get(entry.slug)
    const source = readFileSync(path.join(CORPUS, group, entry.file), 'utf8')
    const problems = refusal || !note ? [{ kind: 'refused' as const, detail: refusal ?? 'not built' }] : readNote(note, source, built, publicDir)
    reports.set(key(group, entry.file), { group, file: entry.file, problems, mdxBytes: note ? Buffer.byteLength(note.mdx) : 0 })
  }
}

function summary(): string {
  const all = [...reports.values()]
  const refused = all.filter((report) => report.problems.some((problem) => problem.kind === 'refused'))
  const byKind = new Map<Kind, number>()
  for (const problem of all.flatMap((report) => report.problems)) byKind.set(problem.kind, (byKind.get(problem.kind) ?? 0) + 1)
  const count = (kinds: Kind[]) => kinds.reduce((sum, kind) => sum + (byKind.get(kind) ?? 0), 0)
  const largest = all.reduce((max, report) => (report.mdxBytes > max.mdxBytes ? report : max), all[0])
  return [
    `Wild notebooks: ${all.length - refused.length} accepted, ${refused.length} refused of ${all.length}`,
    `  broken images: ${count(['external image', 'inline data: image', 'relative image', 'image under /notes/images', 'image file not written'])}`,
    `  broken links: ${count(['broken in-page anchor', 'link to a missing site path', 'relative link', 'unsafe link'])}`,
    `  problems by kind: ${[...byKind].map(([kind, n]) => `${kind} ${n}`).join('; ') || 'none'}`,
    `  largest generated MDX: ${largest ? `${key(largest.group, largest.file)} ${largest.mdxBytes} bytes` : 'none'}`,
  ].join('\n')
}

beforeAll(() => {
  for (const group of groups) buildGroup(group)
})

afterAll(() => {
  console.log(summary())
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true })
})

describe('real notebooks with stored outputs become notes a reader can use', () => {
  it('has a corpus to read', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(10)
  })

  it.each(corpus)('$group/$file', ({ group, file }) => {
    const report = reports.get(key(group, file))
    expect(report, 'the build left no report for this notebook').toBeDefined()
    const lines = report!.problems.map((problem) => `${problem.kind}: ${problem.detail}`)
    const refusal = EXPECTED_REFUSALS[key(group, file)]
    if (refusal) {
      // Refused, and the author is told every reason, naming the cell and what to fix.
      expect(lines).toHaveLength(1)
      for (const reason of refusal) expect(lines[0]).toMatch(reason)
      return
    }
    expect(lines, `${group}/${file} has ${lines.length} problem(s)`).toEqual([])
  })
})
