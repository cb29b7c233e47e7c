import { spawn, type ChildProcess } from 'node:child_process'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { E2E_PORT, ownAuthStateDir, serverEnv } from './auth-env'
import { authorPage } from './auth-helpers'
import { authorHeaders, uniqueSlug } from './editor-helpers'

// Next keeps the marks a publish leaves on cached pages in memory only: a server restarted after
// an unpublish must not serve the page it still has on disk (lib/cache/durable-cache-handler.mjs).

const port = E2E_PORT + 4
const origin = `http://127.0.0.1:${port}`

function start(authStateDir: string): ChildProcess {
  return spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...serverEnv, AUTH_STATE_DIR: authStateDir, NEXTAUTH_URL: origin, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e' },
    detached: true,
    stdio: 'ignore',
  })
}

async function ready() {
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the server did not start')
}

async function stop(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once('exit', resolve))
  process.kill(-server.pid!, 'SIGTERM')
  await exited
}

async function searchFilesLoad(request: APIRequestContext) {
  const manifest = await (await request.get(`${origin}/search-index.json`)).json()
  return (await request.get(`${origin}/search-index/${manifest.version}/terms/0.json`)).status()
}

test('after an unpublish and a restart, the note stays gone and search still loads', async ({ browser }) => {
  test.setTimeout(120_000)
  const { context, page } = await authorPage(browser)
  const authStateDir = ownAuthStateDir({ sessions: true })
  let server = start(authStateDir)
  try {
    await ready()
    const headers = { ...(await authorHeaders(context)), origin, 'content-type': 'application/json' }
    const slug = uniqueSlug('restart')
    const word = `restartword${Date.now().toString(36)}`
    const created = await page.request.put(`${origin}/api/admin/notes/${slug}`, { headers, data: { version: null, note: { title: `Restart ${word}`, summary: `About ${word}.`, tags: [], body: `Text ${word}.\n` } } })
    const published = await page.request.post(`${origin}/api/admin/notes/${slug}/publish`, { headers, data: { version: (await created.json()).version } })
    expect(published.status()).toBe(200)
    // Read once, so the page and the search manifest are in the cache on disk.
    expect((await page.request.get(`${origin}/notes/${slug}`)).status()).toBe(200)
    expect(await searchFilesLoad(page.request)).toBe(200)

    const unpublished = await page.request.delete(`${origin}/api/admin/notes/${slug}/publish`, { headers, data: { version: (await published.json()).version } })
    expect((await unpublished.json()).live.ok).toBe(true)
    await stop(server)
    server = start(authStateDir)
    await ready()

    const guest = await browser.newContext()
    const after = await guest.request.get(`${origin}/notes/${slug}`)
    expect(after.status()).toBe(404)
    expect(await after.text()).not.toContain(word)
    expect(await searchFilesLoad(guest.request)).toBe(200)
    await guest.close()
  } finally {
    await stop(server)
    await context.close()
  }
})
