import { spawn } from 'node:child_process'
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { E2E_PORT, ownAuthStateDir, serverEnv } from './auth-env'
import { authorPage } from './auth-helpers'
import { authorHeaders, CONTENT, gitLog, readNote, uniqueSlug } from './editor-helpers'

// Nothing acknowledged is ever lost: saves against the production server, under concurrency and
// with the server killed mid-burst.

const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' })
const note = (body: string) => ({ title: 'Race', summary: '', tags: [], body })

function put(api: APIRequestContext, headers: Record<string, string>, slug: string, data: unknown, origin = '') {
  return api.put(`${origin}/api/admin/notes/${slug}`, { headers: json(headers), data: data as object })
}

test('parallel saves naming one version: exactly one is acknowledged, the rest get 409 with the current text', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  const slug = uniqueSlug('race')
  const created = await (await put(page.request, headers, slug, { version: null, note: note('Start.\n') })).json()
  const responses = await Promise.all(
    Array.from({ length: 8 }, (_, i) => put(page.request, headers, slug, { version: created.version, commit: i % 2 === 0, note: note(`Tab ${i} wrote this.\n`) })),
  )
  const statuses = responses.map((response) => response.status())
  expect(statuses.filter((status) => status === 200)).toHaveLength(1)
  expect(statuses.filter((status) => status === 409)).toHaveLength(7)
  const winner = statuses.indexOf(200)
  expect(readNote(slug)).toContain(`Tab ${winner} wrote this.`)
  for (const response of responses.filter((r) => r.status() === 409)) {
    expect((await response.json()).current.note.body).toBe(`Tab ${winner} wrote this.\n`)
  }
  await context.close()
})

test('parallel explicit saves of different notes: no 5xx, a commit for each', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  const slugs = Array.from({ length: 5 }, (_, i) => uniqueSlug(`parallel-${i}`))
  const created = await Promise.all(slugs.map(async (slug) => (await put(page.request, headers, slug, { version: null, commit: false, note: note('Draft.\n') })).json()))
  const saves = await Promise.all(slugs.map((slug, i) => put(page.request, headers, slug, { version: created[i].version, commit: true, note: note(`Committed ${i}.\n`) })))
  expect(saves.map((response) => response.status())).toEqual(slugs.map(() => 200))
  for (const slug of slugs) expect(gitLog(slug)).toHaveLength(1)
  await context.close()
})

test('kill -9 during a burst of saves: after a restart every note parses, no temp file is left, the last acknowledged save is on disk', async ({ browser }) => {
  test.setTimeout(120_000)
  const port = E2E_PORT + 3
  const origin = `http://127.0.0.1:${port}`
  // Signed in on the suite's server first: this one starts with a copy of its session list, in a
  // folder of its own (kept across the kill, so the session outlives it).
  const { context, page } = await authorPage(browser)
  const authStateDir = ownAuthStateDir({ sessions: true })
  const start = () => {
    const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
      env: { ...process.env, ...serverEnv, AUTH_STATE_DIR: authStateDir, NEXTAUTH_URL: origin, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e' },
      detached: true,
      stdio: 'ignore',
    })
    return child
  }
  const ready = async () => {
    for (let i = 0; i < 150; i++) {
      if (await fetch(`${origin}/sign-in`).then((r) => r.ok, () => false)) return
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error('the second server did not start')
  }
  let server = start()
  await ready()
  const headers = { ...(await authorHeaders(context)), origin }
  const slug = uniqueSlug('killed')
  let version = (await (await put(page.request, headers, slug, { version: null, note: note('Start.\n') }, origin)).json()).version as string
  let acknowledged = 'Start.\n'
  let stop = false
  const burst = (async () => {
    for (let i = 0; !stop; i++) {
      const body = `Burst ${i} ${'x'.repeat(20_000)}\n`
      const response = await put(page.request, headers, slug, { version, commit: i % 3 === 0, note: note(body) }, origin).catch(() => null)
      if (!response || response.status() !== 200) break
      version = (await response.json()).version
      acknowledged = body
    }
  })()
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  process.kill(-server.pid!, 'SIGKILL')
  stop = true
  await burst
  const written = readNote(slug)
  server = start()
  await ready()
  try {
    // The file holds the last acknowledged save, or the one in flight when the server died.
    expect(written.includes(acknowledged) || /Burst \d+/.test(written)).toBe(true)
    expect(readNote(slug)).toBe(written)
    // Start-up clean-up runs with the first use of the store: the editor loading the note.
    const loaded = await page.request.get(`${origin}/api/admin/notes/${slug}`, { headers })
    expect(loaded.status()).toBe(200)
    const saved = await put(page.request, headers, slug, { version: (await loaded.json()).version, note: note('After restart.\n') }, origin)
    expect(saved.status()).toBe(200)
    expect(readdirSync(path.join(CONTENT, 'notes')).filter((name) => name.startsWith(`.${slug}.mdx.`))).toEqual([])
    expect(readNote(slug)).toContain('After restart.')
  } finally {
    process.kill(-server.pid!, 'SIGTERM')
    await context.close()
    rmSync(authStateDir, { recursive: true, force: true })
  }
})
