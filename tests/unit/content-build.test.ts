import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const workDirs: string[] = []

/** Runs the real Contentlayer build with our config on the given notes, in a throwaway folder. */
async function buildNotes(notes: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-build-'))
  workDirs.push(dir)
  cpSync(path.join(root, 'contentlayer.config.ts'), path.join(dir, 'contentlayer.config.ts'))
  symlinkSync(path.join(root, 'lib'), path.join(dir, 'lib'))
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
  cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true })
  mkdirSync(path.join(dir, 'content/notes'), { recursive: true })
  for (const [name, source] of Object.entries(notes)) writeFileSync(path.join(dir, 'content/notes', name), source)
  // Contentlayer takes its working folder from $PWD before process.cwd().
  const env = { ...process.env, PWD: dir, CONTENT_DIR: 'content', ...extraEnv }
  const { code, output } = await runBuild(dir, env)
  return { ok: code === 0, output, slugs: code === 0 ? builtSlugs(dir) : [] }
}

/**
 * `contentlayer2 build` in `dir`, its output and exit code. Done when it exits: a helper it started
 * (esbuild's service) may hold its output pipes open a while longer.
 */
function runBuild(dir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['node_modules/contentlayer2/bin/cli.cjs', 'build'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => setTimeout(() => resolve({ code, output }), 200))
  })
}

/** The notes the build made, by slug: what every page, feed and index is made from. */
function builtSlugs(dir: string): string[] {
  const notes = JSON.parse(readFileSync(path.join(dir, '.contentlayer/generated/Note/_index.json'), 'utf8')) as { slug: string }[]
  return notes.map((note) => note.slug)
}

afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true })
})

describe('malformed content fails the build, naming file and field', () => {
  it('reports a missing title, a malformed date and a wrongly typed field', async () => {
    const result = await buildNotes({
      'no-title.mdx': '---\ndate: 2021-01-01\nsummary: s\n---\nbody\n',
      'bad-date.mdx': '---\ntitle: t\ndate: 2021-13-45\nsummary: s\n---\nbody\n',
      'bad-type.mdx': '---\ntitle: t\ndate: 2021-01-01\nsummary: s\nseriesOrder: first\n---\nbody\n',
    })
    expect(result.ok).toBe(false)
    expect(result.output).toMatch(/"notes\/no-title\.mdx"[^\n]*missing[\s\S]*title/)
    expect(result.output).toMatch(/"notes\/bad-date\.mdx"[^\n]*incompatible[\s\S]*date: "2021-13-45"/)
    expect(result.output).toMatch(/"notes\/bad-type\.mdx"[^\n]*incompatible[\s\S]*seriesOrder: "first"/)
  })

  it('reports an impossible calendar day and a series without its order', async () => {
    const result = await buildNotes({
      'feb-30.mdx': '---\ntitle: t\ndate: 2021-02-30\nsummary: s\nseries: S\n---\nbody\n',
    })
    expect(result.ok).toBe(false)
    expect(result.output).toContain('content/notes/feb-30.mdx: field "date" "2021-02-30" is not a real calendar date')
    expect(result.output).toContain('content/notes/feb-30.mdx: field "seriesOrder" is required when series is set')
  })

  it('fails on LaTeX KaTeX cannot render, naming the file, the line and KaTeX’s message', async () => {
    const result = await buildNotes({
      'bad-math.mdx': '---\ntitle: t\ndate: 2021-01-01\nsummary: s\n---\n\nFine $x$.\n\nBroken $\\frac{1}{$ here.\n',
    })
    expect(result.ok).toBe(false)
    expect(result.output).toContain('content/notes/bad-math.mdx:9:8 Math: KaTeX parse error: Unexpected end of input')
  })

  it('fails on a reference to an equation that has no label', async () => {
    const result = await buildNotes({ 'bad-ref.mdx': '---\ntitle: t\ndate: 2021-01-01\nsummary: s\n---\n\nSee $\\eqref{nowhere}$.\n' })
    expect(result.ok).toBe(false)
    expect(result.output).toContain('content/notes/bad-ref.mdx:7:5 \\eqref{nowhere}: no equation in this note has \\label{nowhere}.')
  })

  it('fails on a malformed notebook, naming the file and the cell', async () => {
    const result = await buildNotes({
      'broken.ipynb': '{"nbformat": 4, "metadata": {}, "cells": [',
      'no-title.ipynb': JSON.stringify({ nbformat: 4, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: '---\nsummary: s\n---\nHi' }] }),
      'bad-tex.ipynb': JSON.stringify({
        nbformat: 4,
        metadata: {},
        cells: [
          { cell_type: 'markdown', metadata: {}, source: '---\ntitle: t\nsummary: s\ndate: 2021-01-01\n---' },
          { cell_type: 'markdown', metadata: {}, source: ['Text\n', '$$\\frac{1}{$$'] },
        ],
      }),
    })
    expect(result.ok).toBe(false)
    expect(result.output).toMatch(/content\/notes\/broken\.ipynb: not valid JSON/)
    expect(result.output).toContain('content/notes/no-title.ipynb: field "title" Title must be text')
    expect(result.output).toMatch(/content\/notes\/bad-tex\.ipynb: cell 2, line 2: KaTeX: KaTeX parse error/)
  })

  it('never evaluates a note file whose front matter is JavaScript (---js)', async () => {
    const marker = path.join(tmpdir(), `content-build-js-${process.pid}-${Date.now()}`)
    const result = await buildNotes({
      'js-front-matter.mdx': `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') || 't' }\n---\nbody\n`,
    })
    expect(existsSync(marker)).toBe(false)
    expect(result.ok).toBe(false)
    expect(result.output).toContain('js-front-matter.mdx')
    expect(result.output).toContain('Front matter written as JavaScript (---js) is never run')
  })

  it('builds the real content cleanly', async () => {
    const result = await buildNotes({})
    expect(result.output).toMatch(/Generated \d+ documents/)
    expect(result.ok).toBe(true)
  })
})

describe('drafts are never built', () => {
  it('leaves out a draft with an unfinished formula, a refused component and broken MDX; the same note published fails', async () => {
    const body = 'Intro.\n\n$$\\frac{1}{$$\n\n<Chart data={load()} />\n\n<Figure caption="x"\n'
    const draft = await buildNotes({ 'unfinished.mdx': `---\ntitle: "Unfinished"\ndraft: true\n---\n\n${body}` })
    expect(draft.output).toMatch(/Generated \d+ documents/)
    expect(draft.ok).toBe(true)
    const published = await buildNotes({ 'unfinished.mdx': `---\ntitle: "Unfinished"\ndate: 2021-01-01\nsummary: s\ndraft: false\n---\n\n${body}` })
    expect(published.ok).toBe(false)
    expect(published.output).toMatch(/notes\/unfinished\.mdx[\s\S]*Unexpected end of file/)
  })

  it('never compiles a draft, so a ---js block or an import in one runs nothing', async () => {
    const marker = path.join(tmpdir(), `content-build-draft-${process.pid}-${Date.now()}`)
    const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`
    const result = await buildNotes({
      'draft-js.mdx': `---\ntitle: "Draft"\ndraft: true\n---\n\nIntro.\n\n---js\n${code}\n---\n\nimport fs from 'fs'\n\n{fs.writeFileSync(${JSON.stringify(marker)}, 'ran')}\n`,
    })
    expect(result.ok).toBe(true)
    expect(existsSync(marker)).toBe(false)
  })
})

describe('a scheduled note is built only once its time has come', () => {
  const clockAt = (instant: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'content-build-clock-'))
    workDirs.push(dir)
    writeFileSync(path.join(dir, 'now'), instant)
    return { TEST_CLOCK_FILE: path.join(dir, 'now') }
  }
  const scheduled = (publishAt: string) => `---\ntitle: "Later"\ndate: "2026-12-03"\nsummary: "s"\ndraft: false\npublishAt: "${publishAt}"\n---\n\nScheduled words.\n`

  it('leaves the note out before the instant and builds it from the instant on, by the clock the test sets', async () => {
    const before = await buildNotes({ 'later.mdx': scheduled('2026-12-03T09:00:00Z') }, clockAt('2026-12-03T08:59:59Z'))
    expect(before.ok).toBe(true)
    expect(before.slugs).not.toContain('later')
    expect(before.slugs).toContain('cuda')
    const after = await buildNotes({ 'later.mdx': scheduled('2026-12-03T09:00:00Z') }, clockAt('2026-12-03T09:00:00Z'))
    expect(after.ok).toBe(true)
    expect(after.slugs).toContain('later')
  })

  it('fails on a publishAt that is not an instant, naming the file and the field', async () => {
    const result = await buildNotes({ 'bad-time.mdx': scheduled('3 December, 9 am') })
    expect(result.ok).toBe(false)
    expect(result.output).toContain('content/notes/bad-time.mdx: field "publishAt" "3 December, 9 am" is not an instant')
  })

  it('fails now on a note that could not be published at its time, though it is not built yet', async () => {
    const farOff = scheduled('2999-01-01T09:00:00Z').replace('date: "2026-12-03"', 'date: "2999-01-01"').replace('summary: "s"\n', '')
    const result = await buildNotes({ 'far-off.mdx': farOff })
    expect(result.ok).toBe(false)
    expect(result.output).toContain('Scheduled notes that could not be published at their time (1)')
    expect(result.output).toContain('content/notes/far-off.mdx: field "summary" A published note needs a summary')
  })
})
