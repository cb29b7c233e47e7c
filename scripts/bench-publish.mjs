#!/usr/bin/env node
// `npm run bench:publish`: how fast a change the author makes reaches readers, and that no save is
// lost under concurrency. Builds the site on a throwaway git content folder, signs in to a
// production server (the embedded default: live publishing), then measures
//  - publish → visible to a guest on the note page, /notes, /feed.xml and the search index, for a
//    5,000-word note, p50/p95 over 20 publishes, split into the server's content rebuild (what the
//    publish request waits for) and the first guest render after it;
//  - 50 concurrent saves spread over 5 notes, all naming the version each note had: 2xx, 409, 5xx,
//    and whether every acknowledged save is on disk;
//  - a guest's GET / while the author imports a notebook too large for a note (9.4 MB of text):
//    the import is refused before converting, and converts off the request thread anyway;
//  - reader throughput on a note page with wrk (Debian's package), when it is installed.
// Flags: --no-build (reuse the last bench build), --wrk (install wrk if missing and measure).
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { longNote } from './bench-editor-note.mjs'
import { latencySummary, prepareBenchContent } from './lib/bench-content.mjs'
import { benchEnv, serve, sh } from './lib/bench-server.mjs'
import { randomPassword } from './lib/password.mjs'

const root = path.resolve(import.meta.dirname, '..')
const contentDir = '.bench/publish-content'
const distDir = '.bench/next-publish'
const PORT = 3401
const ORIGIN = `http://127.0.0.1:${PORT}`
const PUBLISHES = 20
const password = randomPassword()
const env = await benchEnv(password, {
  CONTENT_DIR: contentDir,
  NEXT_DIST_DIR: distDir,
  NEXTAUTH_URL: ORIGIN,
  AUTH_STATE_DIR: `${contentDir}/.auth-state`,
})
const args = new Set(process.argv.slice(2))
const summary = (samples) => latencySummary(samples, 0)

/** Signs in through next-auth's credentials endpoint; returns the cookie header for admin calls. */
async function signIn() {
  const csrf = await fetch(`${ORIGIN}/api/auth/csrf`)
  const { csrfToken } = await csrf.json()
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  const response = await fetch(`${ORIGIN}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin: ORIGIN },
    body: new URLSearchParams({ csrfToken, email: 'bench@example.com', password, json: 'true' }),
    redirect: 'manual',
  })
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).find((cookie) => cookie.includes('session-token'))
  if (!session) throw new Error('sign-in failed')
  return session
}

const cookie = { value: '' }
async function admin(method, url, data) {
  const response = await fetch(ORIGIN + url, { method, headers: { cookie: cookie.value, origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(data) })
  return { status: response.status, body: await response.json().catch(() => ({})) }
}

/** A surface's text; the search index's is its manifest and every note's results file it names (titles are there). */
async function surfaceText(surface) {
  const response = await fetch(ORIGIN + surface)
  if (surface !== '/search-index.json' || !response.ok) return response.text()
  const { version, sections } = await response.json()
  const files = await Promise.all(sections.map(async (_, n) => (await fetch(`${ORIGIN}/search-index/${version}/notes/${n}.json`)).text()))
  return files.join('\n')
}

/** Polls the guest surfaces until each shows `marker`; ms from `started`. */
async function visibleEverywhere(slug, marker, started) {
  const surfaces = [`/notes/${slug}`, '/notes', '/feed.xml', '/search-index.json']
  const seen = new Map()
  while (seen.size < surfaces.length && performance.now() - started < 30_000) {
    for (const surface of surfaces.filter((s) => !seen.has(s))) {
      const text = await surfaceText(surface)
      if (text.includes(marker)) seen.set(surface, performance.now() - started)
    }
  }
  if (seen.size < surfaces.length) throw new Error(`not visible after 30 s: ${surfaces.filter((s) => !seen.has(s)).join(', ')}`)
  return Math.max(...seen.values())
}

async function publishLatency() {
  const body = longNote()
  const slug = 'bench-live-note'
  let { body: saved } = await admin('PUT', `/api/admin/notes/${slug}`, { version: null, note: { title: 'Bench m0', summary: 'Benchmark note', tags: ['bench'], body } })
  const visible = []
  const rebuild = []
  for (let i = 1; i <= PUBLISHES; i++) {
    const marker = `Bench m${i}x`
    saved = (await admin('PUT', `/api/admin/notes/${slug}`, { version: saved.version, commit: false, note: { title: marker, summary: 'Benchmark note', tags: ['bench'], body } })).body
    const started = performance.now()
    const published = await admin('POST', `/api/admin/notes/${slug}/publish`, { version: saved.version })
    if (published.status !== 200 || !published.body.live?.ok) throw new Error(`publish failed: ${JSON.stringify(published)}`)
    rebuild.push(published.body.live.ms)
    visible.push(await visibleEverywhere(slug, marker, started))
    saved = (await admin('DELETE', `/api/admin/notes/${slug}/publish`, { version: published.body.version })).body
  }
  console.log(`\nPublish → visible to a guest (note page, /notes, /feed.xml, search index), 5,000-word note:`)
  console.log(`  publish request (its content rebuild):   ${summary(rebuild)}`)
  console.log(`  publish → visible on all four surfaces:  ${summary(visible)}`)
}

async function concurrentSaves() {
  const notes = []
  for (let n = 0; n < 5; n++) {
    const slug = `bench-race-${n}`
    const { body } = await admin('PUT', `/api/admin/notes/${slug}`, { version: null, note: { title: `Race ${n}`, summary: '', tags: [], body: 'Start.\n' } })
    notes.push({ slug, version: body.version })
  }
  const requests = Array.from({ length: 50 }, (_, i) => {
    const note = notes[i % 5]
    const text = `Save ${i} of ${note.slug}.\n`
    return admin('PUT', `/api/admin/notes/${note.slug}`, { version: note.version, commit: i % 2 === 0, note: { title: `Race ${i % 5}`, summary: '', tags: [], body: text } }).then((r) => ({ ...r, note, text }))
  })
  const results = await Promise.all(requests)
  const ok = results.filter((r) => r.status >= 200 && r.status < 300)
  const conflicts = results.filter((r) => r.status === 409)
  const errors = results.filter((r) => r.status >= 500)
  let lost = 0
  for (const note of notes) {
    const file = readFileSync(path.join(root, contentDir, 'notes', `${note.slug}.mdx`), 'utf8')
    const acknowledged = ok.filter((r) => r.note === note)
    // Each save named the same version, so at most one may win, and the file must hold it.
    if (acknowledged.length > 1 || (acknowledged[0] && !file.includes(acknowledged[0].text))) lost += Math.max(1, acknowledged.length - 1)
  }
  console.log(`\n50 concurrent saves over 5 notes (each naming the version the note had):`)
  console.log(`  2xx ${ok.length}, 409 ${conflicts.length}, 5xx ${errors.length}, other ${results.length - ok.length - conflicts.length - errors.length}; lost acknowledged saves: ${lost}`)
}

async function importBeside() {
  const cells = [{ cell_type: 'markdown', metadata: {}, source: 'x'.repeat(9_400_000) }]
  const notebook = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { note: { title: 'Big' } }, cells })
  const imports = []
  const guests = []
  for (let i = 0; i < 5; i++) {
    const form = new FormData()
    form.set('notebook', new Blob([notebook]), 'big.ipynb')
    const started = performance.now()
    const upload = fetch(`${ORIGIN}/api/admin/notebooks`, { method: 'POST', headers: { cookie: cookie.value, origin: ORIGIN }, body: form }).then(async (response) => {
      if (response.status !== 422) throw new Error(`the import answered ${response.status}: ${await response.text()}`)
      imports.push(performance.now() - started)
    })
    await new Promise((resolve) => setTimeout(resolve, 150))
    const guestStarted = performance.now()
    await (await fetch(`${ORIGIN}/`)).text()
    guests.push(performance.now() - guestStarted)
    await upload
  }
  console.log(`\nA 9.4 MB notebook import (refused: too large for a note) and a guest's GET / meanwhile:`)
  console.log(`  import answered 422:   ${summary(imports)}`)
  console.log(`  guest GET / meanwhile: ${summary(guests)}`)
}

function throughput() {
  if (spawnSync('which', ['wrk']).status !== 0) {
    if (!args.has('--wrk')) return console.log('\n(wrk is not installed: run with --wrk to install Debian\'s package and measure reader throughput)')
    sh('apt-get', ['install', '-y', '-qq', 'wrk'], {})
  }
  const out = execFileSync('wrk', ['-t2', '-c32', '-d10s', '-H', 'Accept-Encoding: gzip', `${ORIGIN}/notes/cuda`], { encoding: 'utf8' })
  console.log(`\nReader throughput, /notes/cuda (wrk -t2 -c32 -d10s):\n${out.split('\n').filter((line) => /Requests\/sec|Latency|Non-2xx/.test(line)).join('\n')}`)
}

prepareBenchContent(root, contentDir)
if (!args.has('--no-build')) {
  sh('npx', ['contentlayer2', 'build'], { cwd: root, env })
  sh('npx', ['next', 'build'], { cwd: root, env })
}
const server = await serve(root, PORT, env, '/sign-in')
try {
  cookie.value = await signIn()
  await publishLatency()
  await concurrentSaves()
  await importBeside()
  throughput()
} finally {
  server.stop()
}
