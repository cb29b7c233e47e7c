#!/usr/bin/env node
// `npm run bench:instances`: the admin on one machine against the admin on several, in one run, on
// one production build (README, "Deploy"):
//  - the embedded default: one server, notes in a local git folder, sessions and locks on disk;
//  - shared backends: two servers sharing Debian's redis-server and a git remote (git http-backend),
//    both started here on loopback ports, each server in its own clone.
// For each: explicit-save round trips (p50/p95) and publish → visible to a guest (p50/p95): on the
// same server for the embedded default, on the *other* instance with shared backends. Then how long
// a cold instance takes to be ready (`/api/health` 200) with a remote of 1,000 notes.
// Flags: --no-build (reuse the last bench build), --notes=N (the cold start's remote, default 1000).
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { latencySummary, prepareBenchContent } from './lib/bench-content.mjs'
import { benchEnv, sh } from './lib/bench-server.mjs'
import { startGitServer } from './lib/git-server.mjs'
import { randomPassword } from './lib/password.mjs'
import { startRedisServer } from './lib/redis-server.mjs'

const root = path.resolve(import.meta.dirname, '..')
const contentDir = '.bench/instances-content'
const distDir = '.bench/next-instances'
const SAVES = 30
const PUBLISHES = 15
const args = process.argv.slice(2)
const coldNotes = Number(args.find((arg) => arg.startsWith('--notes='))?.slice(8) ?? 1000)
const password = randomPassword()
const work = mkdtempSync(path.join(tmpdir(), 'bench-instances-'))
const summary = (samples) => latencySummary(samples, 0)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** `next start` on a port with these settings; `ready` resolves with ms from spawn to /api/health 200. */
function start(port, extra) {
  const origin = `http://127.0.0.1:${port}`
  const spawned = performance.now()
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { cwd: root, env: { ...baseEnv, NEXTAUTH_URL: origin, ...extra }, stdio: 'ignore', detached: true })
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  const ready = (async () => {
    while (performance.now() - spawned < 600_000) {
      const status = await fetch(`${origin}/api/health`).then((response) => response.status, () => 0)
      if (status === 200) return performance.now() - spawned
      if (child.exitCode !== null) break
      await sleep(100)
    }
    stop()
    throw new Error(`next start on port ${port} did not become ready`)
  })()
  return { origin, ready, stop }
}

/** Signs in through next-auth's credentials endpoint; returns the cookie for admin calls. */
async function signIn(origin) {
  const csrf = await fetch(`${origin}/api/auth/csrf`)
  const { csrfToken } = await csrf.json()
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin },
    body: new URLSearchParams({ csrfToken, email: 'bench@example.com', password, json: 'true' }),
    redirect: 'manual',
  })
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).find((cookie) => cookie.includes('session-token'))
  if (!session) throw new Error(`sign-in on ${origin} failed`)
  return session
}

async function admin(origin, cookie, method, url, data) {
  const response = await fetch(origin + url, { method, headers: { cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify(data) })
  const body = await response.json().catch(() => ({}))
  if (response.status !== 200) throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(body)}`)
  return body
}

const note = (title, body) => ({ title, summary: 'A note of the instances benchmark.', tags: ['bench'], body })

/** Explicit saves (each a commit; pushed with a remote), one after the other. */
async function saveLatency(origin, cookie, slug) {
  let { version } = await admin(origin, cookie, 'PUT', `/api/admin/notes/${slug}`, { version: null, note: note('Saves', 'Start.\n') })
  const samples = []
  for (let i = 0; i < SAVES; i++) {
    const started = performance.now()
    ;({ version } = await admin(origin, cookie, 'PUT', `/api/admin/notes/${slug}`, { version, note: note('Saves', `Save ${i}.\n`) }))
    samples.push(performance.now() - started)
  }
  return samples
}

/**
 * Publish on `writer`; ms until a guest of `reader` gets the note page and /feed.xml with the new
 * title. The first publish after the servers start (its content builder starting too) apart.
 */
async function publishLatency(writer, cookie, reader, slug) {
  let { version } = await admin(writer, cookie, 'PUT', `/api/admin/notes/${slug}`, { version: null, note: note('Publish m0', 'Streams overlap copies and kernels.\n') })
  const samples = []
  for (let i = 0; i <= PUBLISHES; i++) {
    const marker = `Publish m${i}x`
    ;({ version } = await admin(writer, cookie, 'PUT', `/api/admin/notes/${slug}`, { version, note: note(marker, 'Streams overlap copies and kernels.\n') }))
    const started = performance.now()
    ;({ version } = await admin(writer, cookie, 'POST', `/api/admin/notes/${slug}/publish`, { version }))
    for (const surface of [`/notes/${slug}`, '/feed.xml']) {
      while (!(await (await fetch(reader + surface)).text()).includes(marker)) {
        if (performance.now() - started > 30_000) throw new Error(`${marker} not on ${reader}${surface} after 30 s`)
        await sleep(25)
      }
    }
    samples.push(performance.now() - started)
    ;({ version } = await admin(writer, cookie, 'DELETE', `/api/admin/notes/${slug}/publish`, { version }))
    await sleep(500) // the unpublish's refresh, so the next publish starts from a quiet server
  }
  return { first: samples[0], warm: samples.slice(1) }
}

/** `count` generated notes of about 400 words, with code and math, as a remote's files. */
function generatedNotes(count) {
  const files = {}
  for (let n = 0; n < count; n++) {
    const paragraphs = Array.from({ length: 6 }, (_, p) => `Paragraph ${p} of note ${n}: kernels, streams and tensors, how ${'memory bandwidth bounds a matmul '.repeat(6)}in practice.`)
    files[`notes/generated-${n}.mdx`] = `---
title: Generated note ${n}
date: 2024-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}
summary: Generated note ${n} of the cold-start benchmark.
tags: [bench, tag-${n % 20}]
---

## Section ${n}

${paragraphs.join('\n\n')}

\`\`\`python
x = torch.randn(${n + 1}, 64, device="cuda")
y = torch.nn.functional.softmax(x, dim=-1)
\`\`\`

The softmax is $\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}$.
`
  }
  return files
}

/** Saves on `writer`, then publishes there and waits for `reader`: the result lines of one setup. */
async function measure(setup, writer, reader, [saveLabel, publishLabel]) {
  const cookie = await signIn(writer.origin)
  const saves = await saveLatency(writer.origin, cookie, 'bench-saves')
  const publishes = await publishLatency(writer.origin, cookie, reader.origin, 'bench-publish')
  return [
    [setup, saveLabel, summary(saves)],
    [setup, publishLabel, summary(publishes.warm)],
    [setup, '  the first publish after start', `${publishes.first.toFixed(0)} ms`],
  ]
}

prepareBenchContent(root, contentDir)
const baseEnv = await benchEnv(password, { CONTENT_DIR: contentDir, NEXT_DIST_DIR: distDir })
if (!args.includes('--no-build')) {
  sh('npx', ['contentlayer2', 'build'], { cwd: root, env: baseEnv })
  sh('npx', ['next', 'build'], { cwd: root, env: baseEnv })
}

const redis = await startRedisServer()
// The remote starts with the notes the site was built with.
const notesDir = path.join(root, contentDir, 'notes')
const remote = await startGitServer({ files: Object.fromEntries(readdirSync(notesDir).map((name) => [`notes/${name}`, readFileSync(path.join(notesDir, name), 'utf8')])) })
const shared = (name) => ({ REDIS_URL: redis.url, CONTENT_GIT_REMOTE: remote.url, CONTENT_GIT_USERNAME: remote.user, CONTENT_GIT_TOKEN: remote.token, CONTENT_WORK_DIR: path.join(work, name) })
const results = []
try {
  // One at a time: the machine has two cores, and the figures are compared with each other.
  const embedded = start(3411, { AUTH_STATE_DIR: `${contentDir}/.auth-state` })
  await embedded.ready
  results.push(...(await measure('embedded default', embedded, embedded, ['explicit save', 'publish → visible on the same server'])))
  embedded.stop()

  const a = start(3412, shared('a'))
  const b = start(3413, shared('b'))
  await Promise.all([a.ready, b.ready])
  results.push(...(await measure('Redis + git remote', a, b, ['explicit save (pushed)', 'publish on A → visible on B'])))
  a.stop()
  b.stop()

  const big = await startGitServer({ files: generatedNotes(coldNotes) })
  try {
    const cold = start(3414, { ...shared('cold'), CONTENT_GIT_REMOTE: big.url, CONTENT_GIT_USERNAME: big.user, CONTENT_GIT_TOKEN: big.token })
    const ms = await cold.ready
    cold.stop()
    results.push([`remote of ${coldNotes} notes`, 'cold instance: spawn → /api/health 200 (clone + content build)', `${(ms / 1000).toFixed(1)} s`])
  } finally {
    await big.close()
  }
} finally {
  await remote.close()
  await redis.stop()
  rmSync(work, { recursive: true, force: true })
}

console.log('\nThe admin on one machine and on several (same build, same run):')
for (const [setup, what, figure] of results) console.log(`  ${setup.padEnd(22)} ${what.padEnd(62)} ${figure}`)
