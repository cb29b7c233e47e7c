import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Locator, type Page } from '@playwright/test'
import { parse } from 'yaml'

/** Content of the fixture folder the suite's build is made from (content/ plus tests/fixtures/content). */
export const CANARY = 'canary-7f3a9c'
export const DRAFT_TITLE = 'Draft canary 7f3a9c must never be public'
export const CUDA_NOTE = { url: '/notes/cuda', title: 'CUDA' }
export const FIXTURE_NOTE = { url: '/notes/softmax-and-kernels', title: 'Softmax, gradients and a first CUDA kernel' }
export const HOSTILE_NOTE = {
  url: '/notes/hostile-title',
  title: 'Tom & Jerry <script>alert(1)</script> "quotes" ]]> 🚀 Ωμέγα 日本語',
  summary: 'Summary with & and <b>not bold</b> and ]]> and “curly” quotes, 😀, العربية',
  tag: 'Edge & <Cases>',
}
export const NOTEBOOK_NOTE = { url: '/notes/matmul-cpu-vs-gpu', title: 'Timing a matrix multiply: Python loops, NumPy and the GPU' }
export const SERIES_URL = '/series/understanding-fundamentals-of-pytorch'
/** The one problem the fixtures give a body (tests/fixtures/content/problems), so a page of its own. */
export const PROBLEM_PAGE = { url: '/problems/model-explainability-at-scale', title: 'Model Explainability at Scale' }
type FrontMatter = { title: string; date?: string; draft?: boolean }

/**
 * Published notes of the content the suite's build is made from (content/ plus the fixtures),
 * newest first, read from the files: an author publishing a note does not break the suite.
 */
function publishedTitles(): string[] {
  const notes: FrontMatter[] = []
  for (const dir of ['content/notes', 'tests/fixtures/content/notes']) {
    for (const name of readdirSync(path.join(process.cwd(), dir)).filter((file) => /\.(mdx|ipynb)$/.test(file))) {
      let source = readFileSync(path.join(process.cwd(), dir, name), 'utf8')
      // A notebook's front matter is at the start of its first cell.
      if (name.endsWith('.ipynb')) source = [JSON.parse(source).cells[0].source].flat().join('')
      notes.push(parse(/^---\n([\s\S]*?)\n---/.exec(source)![1], { schema: 'core' }) as FrontMatter)
    }
  }
  return notes
    .filter((note) => note.draft !== true)
    .sort((a, b) => String(b.date).localeCompare(String(a.date)) || a.title.localeCompare(b.title))
    .map((note) => note.title)
}

export const PUBLISHED_TITLES = publishedTitles()

/**
 * Notes the suite's own tests publish (slugs `e2e-…`, see uniqueSlug) are live on the site while
 * they run: lists are compared with the fixture content without them.
 */
export const isSuiteNote = (url: string | undefined) => /\/notes\/e2e-/.test(url ?? '')

/** The titles of the note cards in `scope` (their heading links), leaving out the suite's own notes. */
export async function fixtureCardTitles(scope: Locator, level: 2 | 3): Promise<string[]> {
  const cards = await scope.locator(`article h${level} a`).evaluateAll((links) => links.map((link) => ({ title: link.textContent ?? '', url: link.getAttribute('href') ?? '' })))
  return cards.filter((card) => !isSuiteNote(card.url)).map((card) => card.title)
}

export const PUBLIC_PAGES = ['/', '/notes', CUDA_NOTE.url, FIXTURE_NOTE.url, HOSTILE_NOTE.url, NOTEBOOK_NOTE.url, '/tags', '/tags/cuda', '/series', SERIES_URL, '/subscribe', '/cv', PROBLEM_PAGE.url]

export async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((value) => localStorage.setItem('theme', value), theme)
}

export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }))
  expect(serious, `axe violations on ${page.url()}`).toEqual([])
}
