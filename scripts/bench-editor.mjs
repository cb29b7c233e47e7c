#!/usr/bin/env node
// `npm run bench:editor`: how the editor feels with a long note. Builds the site on a throwaway git
// content folder, signs in to a production server in Debian Chromium, then measures
//  - save round trips (PUT /api/admin/notes/<slug>, as the editor sends them): autosaves (file only)
//    and explicit saves (file + git commit), p50/p95;
//  - live preview renders (the preview server action: policy check, MDX compile, render, as the
//    browser receives it) of a 5,000-word note with 50 formulas and 20 code blocks, p50/p95.
// Flags: --no-build (reuse the last bench build).
import path from 'node:path'
import { chromium } from '@playwright/test'
import { longNote } from './bench-editor-note.mjs'
import { latencySummary, prepareBenchContent } from './lib/bench-content.mjs'
import { benchEnv, serve, sh } from './lib/bench-server.mjs'
import { randomPassword } from './lib/password.mjs'
import { DEBIAN_CHROMIUM, ensureSystemTools } from './lib/system-deps.mjs'

const root = path.resolve(import.meta.dirname, '..')
const contentDir = '.bench/editor-content'
const distDir = '.bench/next-editor'
const PORT = 3301
const ORIGIN = `http://127.0.0.1:${PORT}`
const SAVES = 60
const PREVIEWS = 20
const password = randomPassword()
const env = await benchEnv(password, {
  CONTENT_DIR: contentDir,
  NEXT_DIST_DIR: distDir,
  NEXTAUTH_URL: ORIGIN,
  AUTH_STATE_DIR: `${contentDir}/.auth-state`,
})

const summary = (samples) => latencySummary(samples)


if (!ensureSystemTools({ browserOnly: true })) process.exit(1)
prepareBenchContent(root, contentDir)
if (!process.argv.includes('--no-build')) {
  sh('npx', ['contentlayer2', 'build'], { cwd: root, env })
  sh('npx', ['next', 'build'], { cwd: root, env })
}

const server = await serve(root, PORT, env, '/sign-in')
const browser = await chromium.launch({
  executablePath: DEBIAN_CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
try {
  const page = await browser.newPage({ baseURL: ORIGIN })
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill('bench@example.com')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${ORIGIN}/admin`)

  const body = longNote()
  const note = { title: 'A long note', summary: 'Benchmark', tags: ['bench'], body }
  const put = async (data) => {
    const started = performance.now()
    const response = await page.request.put('/api/admin/notes/bench-long-note', { headers: { origin: ORIGIN }, data })
    const elapsed = performance.now() - started
    if (!response.ok()) throw new Error(`save failed: ${response.status()} ${await response.text()}`)
    return { elapsed, version: (await response.json()).version }
  }
  let { version } = await put({ version: null, note })
  const autosaves = []
  const commits = []
  for (let i = 0; i < SAVES; i++) {
    const commit = i % 3 === 2
    const result = await put({ version, commit, note: { ...note, body: `${body}\nEdit ${i}.\n` } })
    version = result.version
    ;(commit ? commits : autosaves).push(result.elapsed)
  }

  // Preview: each edit in the editor sends one preview action; time it as the browser sees it.
  const previews = []
  page.on('requestfinished', (request) => {
    if (request.headers()['next-action']) previews.push(request.timing().responseEnd)
  })
  await page.goto('/admin/notes/bench-long-note')
  await page.locator('.cm-content').click()
  for (let i = 0; previews.length < PREVIEWS + 2 && i < PREVIEWS * 3; i++) {
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.insertText(` w${i}`)
    const before = previews.length
    await page.waitForFunction(() => true)
    for (let wait = 0; wait < 100 && previews.length === before; wait++) await page.waitForTimeout(50)
  }
  const warm = previews.slice(2) // the first compiles warm up Shiki and KaTeX in the worker

  const formulas = (body.match(/\$\$/g) ?? []).length / 2 + (body.match(/ \$x_/g) ?? []).length
  console.log(`\nNote: ${body.split(/\s+/).length} words, ${formulas} formulas, ${(body.match(/```python/g) ?? []).length} code blocks, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`)
  console.log(`Autosave round trip (write file):        ${summary(autosaves)}`)
  console.log(`Explicit save round trip (file + commit): ${summary(commits)}`)
  console.log(`All saves:                               ${summary([...autosaves, ...commits])}`)
  console.log(`Preview render (server action, warm):    ${summary(warm)}`)
} finally {
  await browser.close()
  server.stop()
}
