import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import { startGitServer, type GitServer } from '../../scripts/lib/git-server.mjs'
import { startRedisServer } from '../../scripts/lib/redis-server.mjs'
import { E2E_PORT, serverEnv } from './auth-env'
import { newClient, sessionCookie, signIn } from './auth-helpers'
import { saveStatus, typeInBody, uniqueSlug } from './editor-helpers'

// Two `next start` instances of one production build behind no proxy at all (the browser talks to
// each), sharing a real Redis and a real git remote (git http-backend), as README "Several
// instances" sets them up. Each instance has its own clone of the remote.

type Instance = { name: string; origin: string; port: number; workDir: string; child: ChildProcess; output: string }
type Redis = Awaited<ReturnType<typeof startRedisServer>>

test.describe.configure({ mode: 'serial' })

let redis: Redis
let remote: GitServer
let a: Instance
let b: Instance
const workRoot = mkdtempSync(path.join(tmpdir(), 'e2e-instances-'))

/** The notes the site was built with, as the remote's first commit. */
function remoteNotes(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const dir of ['content/notes', 'tests/fixtures/content/notes']) {
    for (const name of readdirSync(dir)) files[`notes/${name}`] = readFileSync(path.join(dir, name), 'utf8')
  }
  return files
}

/** An instance on the shared Redis and, unless `withoutRemote`, on the git remote in a clone of its own. */
function start(name: string, port: number, workDir = path.join(workRoot, name), withoutRemote = false): Instance {
  const origin = `http://127.0.0.1:${port}`
  const onRemote = { CONTENT_GIT_REMOTE: remote.url, CONTENT_GIT_USERNAME: remote.user, CONTENT_GIT_TOKEN: remote.token, CONTENT_WORK_DIR: workDir, CONTENT_SYNC_INTERVAL: '2' }
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      ...serverEnv,
      NEXTAUTH_URL: origin,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e',
      REDIS_URL: redis.url,
      REDIS_PREFIX: withoutRemote ? 'e2e-shared-folder:' : 'e2e-instances:',
      ...(withoutRemote ? {} : onRemote),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const instance: Instance = { name, origin, port, workDir, child, output: '' }
  child.stdout?.on('data', (data) => (instance.output += data))
  child.stderr?.on('data', (data) => (instance.output += data))
  return instance
}

/** Waits until the instance serves what the remote has (its health check says so). */
async function ready(instance: Instance, timeoutMs = 120_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const status = await fetch(`${instance.origin}/api/health`).then((response) => response.status, () => 0)
    if (status === 200) return Date.now() - started
    if (instance.child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`instance ${instance.name} did not become ready:\n${instance.output}`)
}

function stop(instance: Instance | undefined, signal: NodeJS.Signals = 'SIGTERM') {
  if (instance?.child.pid && instance.child.exitCode === null) {
    try {
      process.kill(-instance.child.pid, signal)
    } catch {
      // already gone
    }
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000)
  redis = await startRedisServer()
  remote = await startGitServer({ files: remoteNotes() })
  a = start('a', E2E_PORT + 60)
  b = start('b', E2E_PORT + 61)
  await Promise.all([ready(a), ready(b)])
})

test.afterAll(async () => {
  stop(a)
  stop(b)
  await remote?.close()
  await redis?.stop()
  rmSync(workRoot, { recursive: true, force: true })
})

const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' })
const note = (title: string, body: string) => ({ title, summary: `${title}, a note of the instances test.`, tags: ['CUDA'], body })

/** A client of both instances (the browser sends one cookie to both: same host), signed in on `on`. */
async function author(browser: Parameters<typeof newClient>[0], on: Instance): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newClient(browser)
  const page = await context.newPage()
  await page.goto(`${on.origin}/sign-in`)
  await signIn(page)
  await expect(page).toHaveURL(`${on.origin}/admin`)
  return { context, page }
}

async function headersFor(context: BrowserContext, on: Instance) {
  const cookie = await sessionCookie(context)
  return { cookie: `${cookie.name}=${cookie.value}`, origin: on.origin }
}

async function save(api: APIRequestContext, context: BrowserContext, on: Instance, slug: string, data: object) {
  return api.put(`${on.origin}/api/admin/notes/${slug}`, { headers: json(await headersFor(context, on)), data })
}

/** A commit made elsewhere (the author's laptop) and pushed to the remote; null deletes a file. */
function pushFromLaptop(files: Record<string, string | null>, message: string) {
  const laptop = mkdtempSync(path.join(tmpdir(), 'e2e-laptop-'))
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Laptop', '-c', 'user.email=laptop@localhost', ...args], { cwd: laptop, stdio: 'pipe' })
  try {
    git('clone', '-q', remote.bareDir, '.')
    for (const [name, text] of Object.entries(files)) {
      if (text === null) git('rm', '-q', name)
      else writeFileSync(path.join(laptop, name), text)
    }
    git('add', '--all')
    git('commit', '-q', '-m', message)
    git('push', '-q', 'origin', 'HEAD:main')
  } finally {
    rmSync(laptop, { recursive: true, force: true })
  }
}

const health = async (on: Instance) => (await fetch(`${on.origin}/api/health`)).json()

const remoteLog = (file?: string) => remote.git('log', '--format=%s', 'main', ...(file ? ['--', file] : [])).trim().split('\n')
const remoteFile = (file: string) => remote.git('show', `main:${file}`)

test('a session made on A works on B; "Sign out everywhere" on B refuses the cookie on A', async ({ browser }) => {
  const { context, page } = await author(browser, a)
  const cookie = await sessionCookie(context)
  const onB = await context.newPage()
  await onB.goto(`${b.origin}/admin`)
  await expect(onB.getByRole('banner')).toContainText('Signed in as')

  await onB.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(onB).toHaveURL(/\/sign-in/)
  // A copy of the old cookie, replayed on A.
  const replay = await browser.newContext()
  await replay.addCookies([cookie])
  const answer = await replay.request.get(`${a.origin}/admin`, { maxRedirects: 0 })
  expect(answer.status()).toBe(307)
  expect(answer.headers().location).toContain('/sign-in')
  await page.reload()
  await expect(page).toHaveURL(/\/sign-in/)
  await replay.close()
  await context.close()
})

test('5 wrong passwords spread over A and B lock the account on both', async ({ browser }) => {
  const context = await newClient(browser)
  const target = `instances-${Date.now()}@example.com`
  const attempt = async (on: Instance, password: string) => {
    const api = context.request
    const { csrfToken } = await (await api.get(`${on.origin}/api/auth/csrf`)).json()
    const response = await api.post(`${on.origin}/api/auth/callback/credentials`, { form: { csrfToken, email: target, password, json: 'true' }, maxRedirects: 0 })
    return decodeURIComponent((await response.json()).url as string)
  }
  for (const [index, on] of [a, b, a, b, a].entries()) expect(await attempt(on, `guess-${index}`)).toContain('error=CredentialsSignin')
  expect(await attempt(b, 'guess-5')).toContain('error=RateLimited:')
  expect(await attempt(a, 'guess-6')).toContain('error=RateLimited:')
  await context.close()
})

test('a save on A, then a stale save on B: the conflict dialog, and nothing lost', async ({ browser }) => {
  const { context, page } = await author(browser, a)
  const slug = uniqueSlug('instances-conflict')
  const created = await save(page.request, context, a, slug, { version: null, note: note('Shared', 'First line.\n') })
  expect(created.status()).toBe(200)

  const onB = await context.newPage()
  await onB.goto(`${b.origin}/admin/notes/${slug}`)
  await expect(onB.getByLabel('Title')).toHaveValue('Shared')
  const fromA = await save(page.request, context, a, slug, { version: (await created.json()).version, note: note('Shared', 'First line.\nWritten on A.\n') })
  expect(fromA.status()).toBe(200)

  await typeInBody(onB, 'Written on B.\n')
  await onB.keyboard.press('ControlOrMeta+s')
  const dialog = onB.getByRole('dialog', { name: 'This note changed since you opened it' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('conflict-diff')).toContainText('Written on A.')
  await expect(dialog.getByTestId('conflict-diff')).toContainText('Written on B.')
  // A's save is on the remote; B's text waits in B's editor for the author's choice.
  expect(remoteFile(`notes/${slug}.mdx`)).toContain('Written on A.')
  expect(remoteFile(`notes/${slug}.mdx`)).not.toContain('Written on B.')
  await dialog.getByRole('button', { name: /Keep mine/ }).click()
  await expect(saveStatus(onB)).toHaveText(/revision recorded/)
  expect(remoteFile(`notes/${slug}.mdx`)).toContain('Written on B.')
  await context.close()
})

test('a draft autosaved through A opens on B as it was typed, and B saves on from there', async ({ browser }) => {
  const { context, page } = await author(browser, a)
  const slug = uniqueSlug('instances-roaming')
  const typed = await save(page.request, context, a, slug, { version: null, commit: false, note: note('Roaming', 'Typed on A.\n') })
  expect(typed.status()).toBe(200)
  const onB = await context.newPage()
  await onB.goto(`${b.origin}/admin/notes/${slug}`)
  await expect(onB.getByLabel('Title')).toHaveValue('Roaming')
  await typeInBody(onB, 'Typed on B.\n')
  await onB.keyboard.press('ControlOrMeta+s')
  await expect(saveStatus(onB)).toHaveText(/revision recorded/)
  expect(remoteFile(`notes/${slug}.mdx`)).toContain('Typed on A.')
  expect(remoteFile(`notes/${slug}.mdx`)).toContain('Typed on B.')
  await context.close()
})

test('publish on A: a guest on B sees it within 3 s (note page, /notes, feeds, search)', async ({ browser }) => {
  const { context, page } = await author(browser, a)
  const slug = uniqueSlug('instances-publish')
  const title = `Published on A ${Date.now().toString(36)}`
  const created = await save(page.request, context, a, slug, { version: null, note: note(title, 'Streams overlap copies and kernels.\n') })
  const publish = await page.request.post(`${a.origin}/api/admin/notes/${slug}/publish`, { headers: json(await headersFor(context, a)), data: { version: (await created.json()).version } })
  expect(publish.status()).toBe(200)
  const published = Date.now()

  const guest = await browser.newContext()
  const seen = async (url: string, text: string) => {
    const response = await guest.request.get(`${b.origin}${url}`)
    return response.ok() && (await response.text()).includes(text)
  }
  await expect.poll(() => seen(`/notes/${slug}`, title), { timeout: 3_000, intervals: [100] }).toBe(true)
  await expect.poll(() => seen('/notes', title), { timeout: Math.max(100, 3_000 - (Date.now() - published)), intervals: [100] }).toBe(true)
  for (const feed of ['/feed.xml', '/atom.xml', '/feed.json']) expect(await seen(feed, title)).toBe(true)
  expect(await seen(`/search?q=${encodeURIComponent(title)}`, `/notes/${slug}`)).toBe(true)
  expect(Date.now() - published).toBeLessThan(3_000)
  // The commit is on the remote, under the author's words.
  expect(remoteLog(`notes/${slug}.mdx`)[0]).toBe(`Publish note ${slug}`)
  await guest.close()
  await context.close()
})

test('a note pushed from a laptop reaches both instances; one that does not build keeps the last good site, and says so', async ({ browser }) => {
  test.setTimeout(60_000)
  const guest = await browser.newContext()
  const title = `From the laptop ${Date.now().toString(36)}`
  const slug = uniqueSlug('instances-laptop')
  pushFromLaptop({ [`notes/${slug}.mdx`]: `---\ntitle: ${title}\ndate: 2026-11-30\nsummary: Pushed with git, not the admin.\ntags: [CUDA]\n---\n\nWritten in an editor on a laptop.\n` }, 'A note from the laptop')
  // Each instance looks at the remote every CONTENT_SYNC_INTERVAL (2 s here).
  for (const on of [a, b]) await expect.poll(async () => (await guest.request.get(`${on.origin}/notes/${slug}`)).status(), { timeout: 20_000 }).toBe(200)

  pushFromLaptop({ 'notes/zz-bad-date.mdx': '---\ntitle: Bad date\ndate: 2021-02-30\nsummary: s\ntags: []\n---\n\nBody\n' }, 'A note with an impossible date')
  for (const on of [a, b]) await expect.poll(() => health(on), { timeout: 20_000 }).toEqual({ status: 'ok', content: 'behind' })
  for (const on of [a, b]) {
    expect((await guest.request.get(`${on.origin}/notes/${slug}`)).status()).toBe(200)
    expect((await guest.request.get(`${on.origin}/`)).status()).toBe(200)
  }
  pushFromLaptop({ 'notes/zz-bad-date.mdx': null }, 'Remove the note with an impossible date')
  for (const on of [a, b]) await expect.poll(() => health(on), { timeout: 20_000 }).toEqual({ status: 'ok' })
  await guest.close()
})

test('without a remote, two instances sharing one folder: a publish on one is seen on the other within 3 s', async ({ browser }) => {
  test.setTimeout(120_000)
  const c = start('c', E2E_PORT + 62, undefined, true)
  const d = start('d', E2E_PORT + 63, undefined, true)
  try {
    await Promise.all([ready(c), ready(d)])
    const { context, page } = await author(browser, c)
    const slug = uniqueSlug('instances-folder')
    const title = `Shared folder ${Date.now().toString(36)}`
    const created = await save(page.request, context, c, slug, { version: null, note: note(title, 'One folder, two servers.\n') })
    const guest = await browser.newContext()
    // D rendered its notes list before the publish: it must be marked stale, not merely rebuilt elsewhere.
    expect(await (await guest.request.get(`${d.origin}/notes`)).text()).not.toContain(title)
    const publish = await page.request.post(`${c.origin}/api/admin/notes/${slug}/publish`, { headers: json(await headersFor(context, c)), data: { version: (await created.json()).version } })
    expect(publish.status()).toBe(200)
    await expect.poll(async () => (await (await guest.request.get(`${d.origin}/notes`)).text()).includes(title), { timeout: 3_000, intervals: [100] }).toBe(true)
    await guest.close()
    await context.close()
  } finally {
    stop(c)
    stop(d)
  }
})

test('kill -9 A during a burst of explicit saves: every acknowledged one is on the remote', async ({ browser }) => {
  test.setTimeout(180_000)
  const { context, page } = await author(browser, b)
  const slug = uniqueSlug('instances-burst')
  let version = (await (await save(page.request, context, a, slug, { version: null, note: note('Burst', 'Start.\n') })).json()).version as string
  const acknowledged: string[] = []
  let stopped = false
  const burst = (async () => {
    for (let i = 0; !stopped; i++) {
      const body = `Burst ${i}.\n`
      const response = await save(page.request, context, a, slug, { version, commit: true, note: note('Burst', body) }).catch(() => null)
      if (!response || response.status() !== 200) break
      version = (await response.json()).version
      acknowledged.push(body)
    }
  })()
  await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
  stop(a, 'SIGKILL')
  stopped = true
  await burst
  // Each acknowledged save is a commit on the remote (the last acknowledged text among them).
  const history = remote.git('log', '-p', '--format=%H', 'main', '--', `notes/${slug}.mdx`)
  for (const body of acknowledged) expect(history).toContain(`+${body.trim()}`)

  // The remote has the last acknowledged save, or the one in flight when A died (pushed, unanswered).
  const burstIndex = (text: string) => Number(/Burst (\d+)\./.exec(text)?.[1] ?? -1)
  const onRemote = burstIndex(remoteFile(`notes/${slug}.mdx`))
  expect(onRemote).toBeGreaterThanOrEqual(acknowledged.length - 1)

  a = start('a', E2E_PORT + 60, a.workDir)
  await ready(a)
  const onA = await page.request.get(`${a.origin}/api/admin/notes/${slug}`, { headers: await headersFor(context, a) })
  expect(onA.status()).toBe(200)
  // A serves the remote's text, or the save in flight when it died (never an older one), and the
  // author goes on from there: the next save reaches the remote.
  const loaded = await onA.json()
  expect(burstIndex(loaded.note.body)).toBeGreaterThanOrEqual(onRemote)
  const after = await save(page.request, context, a, slug, { version: loaded.version, note: note('Burst', 'After the restart.\n') })
  expect(after.status()).toBe(200)
  expect(remoteFile(`notes/${slug}.mdx`)).toContain('After the restart.')
  await context.close()
})

test('the git remote down: the author is told the change is kept, and it reaches the remote once it is back', async ({ browser }) => {
  test.setTimeout(90_000)
  const { context, page } = await author(browser, a)
  const slug = uniqueSlug('instances-offline')
  expect((await save(page.request, context, a, slug, { version: null, note: note('Offline', 'Before.\n') })).status()).toBe(200)
  await page.goto(`${a.origin}/admin/notes/${slug}`)
  await expect(page.getByLabel('Title')).toHaveValue('Offline')
  await remote.stop()
  try {
    await typeInBody(page, 'While the remote was down.\n')
    await page.keyboard.press('ControlOrMeta+s')
    await expect(saveStatus(page)).toContainText('Saved on this server only', { timeout: 30_000 })
    expect(remoteFile(`notes/${slug}.mdx`)).not.toContain('While the remote was down.')
  } finally {
    await remote.start()
  }
  // The instance pushes what it kept at its next look at the remote (CONTENT_SYNC_INTERVAL=2).
  await expect.poll(() => remoteFile(`notes/${slug}.mdx`), { timeout: 20_000 }).toContain('While the remote was down.')
  // B serves the admin from the same remote: the text is there.
  const onB = await page.request.get(`${b.origin}/api/admin/notes/${slug}`, { headers: await headersFor(context, b) })
  expect((await onB.json()).note.body).toContain('While the remote was down.')
  await context.close()
})

test('Redis down: the admin says so plainly (API 503), and readers on both instances are served', async ({ browser }) => {
  const { context, page } = await author(browser, a)
  const slug = uniqueSlug('instances-redis')
  await redis.stop()
  try {
    await page.goto(`${a.origin}/admin`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The admin is unavailable for a moment')
    await expect(page.getByText('This server cannot reach Redis')).toBeVisible()
    // Signing in says what is wrong, not "incorrect password".
    const other = await newClient(browser)
    const signInPage = await other.newPage()
    await signInPage.goto(`${b.origin}/sign-in`)
    await signIn(signInPage)
    await expect(signInPage.locator('p[role="alert"]')).toHaveText(/^Signing in is unavailable for a moment/)
    await other.close()
    const refused = await save(page.request, context, b, slug, { version: null, note: note('Redis', 'Down.\n') })
    expect(refused.status()).toBe(503)
    expect((await refused.json()).error).toContain('Redis')
    const guest = await browser.newContext()
    for (const on of [a, b]) {
      for (const url of ['/', '/notes', '/notes/cuda', '/feed.xml']) expect((await guest.request.get(`${on.origin}${url}`)).status(), `${on.name} ${url}`).toBe(200)
    }
    await guest.close()
  } finally {
    await redis.start()
  }
  // Back (once the instance has reconnected): the sessions were in the Redis that stopped, which
  // keeps nothing on disk, so the author signs in again.
  await expect(async () => {
    await page.goto(`${a.origin}/admin`)
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await context.close()
})
