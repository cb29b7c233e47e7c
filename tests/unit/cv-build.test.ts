// @vitest-environment happy-dom
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { NoteSummary } from '@/lib/content'

// The CV as the pages render it, from the real Contentlayer build of the real content and of the
// end-to-end fixture content (which the browser tests see instead): only the build's output is
// handed to lib/content here, as the server reads it from disk.
const state = vi.hoisted(() => ({ content: null as unknown }))
vi.mock('@/lib/content/generated', () => ({ generatedContent: () => state.content }))

const { default: CvPage } = await import('@/app/(site)/cv/page')
const { default: sitemap } = await import('@/app/sitemap')
const { ProblemList } = await import('@/components/profile/problem-list')
const { getProblems } = await import('@/lib/content')

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const workDirs: string[] = []

type Build = { ok: boolean; output: string; dir: string }

/** The real content, with `overlays` (folders copied over it, as scripts/test.mjs does) and extra files. */
async function buildContent(overlays: string[], files: Record<string, string> = {}): Promise<Build> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cv-build-'))
  workDirs.push(dir)
  cpSync(path.join(root, 'contentlayer.config.ts'), path.join(dir, 'contentlayer.config.ts'))
  symlinkSync(path.join(root, 'lib'), path.join(dir, 'lib'))
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
  cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true })
  for (const overlay of overlays) cpSync(path.join(root, overlay), path.join(dir, 'content'), { recursive: true })
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(dir, 'content', name), source)
  try {
    const env = { ...process.env, PWD: dir, CONTENT_DIR: 'content' }
    const { stdout, stderr } = await run('node', ['node_modules/contentlayer2/bin/cli.cjs', 'build'], { cwd: dir, env })
    return { ok: true, output: stdout + stderr, dir }
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    return { ok: false, output: stdout + stderr, dir }
  }
}

function serve(build: Build) {
  const index = (type: string) => JSON.parse(readFileSync(path.join(build.dir, '.contentlayer/generated', type, '_index.json'), 'utf8'))
  state.content = { id: build.dir, allNotes: index('Note'), allProblems: index('Problem'), profile: index('Profile'), allCvs: index('Cv') }
}

function renderCv(): Document {
  const html = renderToStaticMarkup(CvPage())
  return new DOMParser().parseFromString(html, 'text/html')
}

let real: Build
let fixture: Build

beforeAll(async () => {
  ;[real, fixture] = await Promise.all([buildContent([]), buildContent(['tests/fixtures/content'])])
}, 180_000)

afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true })
})

const sectionTitles = (doc: Document) => [...doc.querySelectorAll('section > h2')].map((heading) => heading.textContent)
const personOf = (doc: Document) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}')

describe('the CV of the real content', () => {
  beforeAll(() => serve(real))

  it('builds, with no CV file', () => {
    expect(real.ok, real.output).toBe(true)
    expect(state.content).toMatchObject({ allCvs: [] })
  })

  it('shows the profile’s facts, the seven problems, the notes, and no optional section', () => {
    const doc = renderCv()
    expect(doc.querySelector('h1')?.textContent).toBe('Arun Kumar RN')
    expect(doc.body.textContent).toContain('Data Scientist at Enquero')
    expect(doc.body.textContent).toContain('CV: As of December 2020')
    expect(sectionTitles(doc)).toEqual(['About', 'Projects: problems I have solved', 'Learning notes'])
    const projects = [...doc.querySelectorAll('#projects-heading + ol > li')]
    expect(projects.map((item) => item.textContent)).toHaveLength(7)
    expect(projects[0].textContent).toBe('Anomaly Detection at scale')
    // No problem has a body yet, so none has a page to link to.
    expect(doc.querySelectorAll('#projects-heading + ol a')).toHaveLength(0)
    const notes = [...doc.querySelectorAll('#notes-heading + ul a')].map((link) => link.getAttribute('href'))
    expect(notes).toContain('/notes/cuda')
  })

  it('describes the same person in JSON-LD, with nothing the content does not say', () => {
    const person = personOf(renderCv())
    expect(person).toMatchObject({ '@type': 'Person', name: 'Arun Kumar RN', jobTitle: 'Data Scientist', worksFor: { name: 'Enquero' } })
    expect(person.description).toMatch(/^I am a Data Scientist at Enquero\. My work focuses on/)
    expect(person).not.toHaveProperty('sameAs')
    expect(person).not.toHaveProperty('knowsAbout')
    expect(person).not.toHaveProperty('alumniOf')
  })

  it('puts /cv in the sitemap, and no problem page', () => {
    const urls = sitemap().map((entry) => new URL(entry.url).pathname)
    expect(urls).toContain('/cv')
    expect(urls.filter((url) => url.startsWith('/problems/'))).toEqual([])
  })
})

describe('the CV of the end-to-end fixture content', () => {
  beforeAll(() => serve(fixture))

  it('shows every optional section once the CV file fills it in, in reading order', () => {
    expect(fixture.ok, fixture.output).toBe(true)
    const doc = renderCv()
    expect(sectionTitles(doc)).toEqual(['About', 'Experience', 'Projects: problems I have solved', 'Education', 'Skills', 'Publications', 'Learning notes'])
    expect(doc.querySelector('#experience-heading + ul li')?.textContent).toContain('Fixture Engineer, Example Fixture Labs')
    expect(doc.querySelector('#experience-heading + ul li')?.textContent).toContain('Jun 2019 – present')
    expect(doc.querySelector('#education-heading + ul li')?.textContent).toContain('2014 – 2018')
    const paper = doc.querySelector('#publications-heading + ul a')
    expect(paper?.getAttribute('href')).toBe('https://example.org/fixture-paper')
  })

  it('links a problem with a body to its page, on the CV and on the profile', () => {
    const doc = renderCv()
    const linked = [...doc.querySelectorAll('#projects-heading + ol a')]
    expect(linked.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([['Model Explainability at Scale', '/problems/model-explainability-at-scale']])
    const profile = new DOMParser().parseFromString(renderToStaticMarkup(ProblemList({ problems: getProblems() })), 'text/html')
    expect([...profile.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(['/problems/model-explainability-at-scale'])
    expect(sitemap().map((entry) => new URL(entry.url).pathname)).toContain('/problems/model-explainability-at-scale')
  })

  it('adds the links, skills and education to the JSON-LD', () => {
    expect(personOf(renderCv())).toMatchObject({
      sameAs: ['https://example.org/fixture-profile'],
      knowsAbout: ['Fixture skill one', 'Fixture skill two'],
      alumniOf: [{ name: 'Example Fixture University' }],
    })
  })
})

describe('a bad CV file or problem file fails the build', () => {
  it('names the file, line and field', async () => {
    const broken = await buildContent([], {
      'cv.yaml': 'experience:\n  - role: Data Scientist\n    start: June 2019\n',
      'problems/08-anomaly-detection-at-scale.mdx': '---\ntitle: Again\norder: 8\n---\n',
    })
    expect(broken.ok).toBe(false)
    expect(broken.output).toContain('content/cv.yaml:2: field "experience[0].organisation" is required')
    expect(broken.output).toContain('content/cv.yaml:3: field "experience[0].start" must be a year (2019) or a year and month (2019-06)')
    expect(broken.output).toContain('gives the page /problems/anomaly-detection-at-scale, as problems/01-anomaly-detection-at-scale.mdx does')
  }, 120_000)
})

describe('the CV’s learning notes', () => {
  it('lists the ten newest, then links to all of them', async () => {
    const { CvNoteList } = await import('@/components/cv/cv-note-list')
    const notes: NoteSummary[] = Array.from({ length: 12 }, (_, n) => ({ slug: `n${n}`, url: `/notes/n${n}`, title: `Note ${n}`, summary: '', date: `2021-01-${String(12 - n).padStart(2, '0')}T00:00:00.000Z`, tags: [], wordCount: 1, readingMinutes: 1 }))
    const doc = new DOMParser().parseFromString(renderToStaticMarkup(CvNoteList({ notes, siteUrl: 'https://notes.example' })), 'text/html')
    expect([...doc.querySelectorAll('li a')].map((link) => link.textContent)).toEqual(notes.slice(0, 10).map((note) => note.title))
    const all = doc.querySelector('p a')
    expect([all?.textContent, all?.getAttribute('href')]).toEqual(['All 12 notes', '/notes'])
  })
})
