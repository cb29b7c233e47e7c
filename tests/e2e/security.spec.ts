import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { authorPage, newClient } from './auth-helpers'
import { authorHeaders, noteFile, preview, readNote, uniqueSlug } from './editor-helpers'

// Attacks an attacker-minded review of the production build found (each failed before its fix).

const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' })

function put(api: APIRequestContext, headers: Record<string, string>, slug: string, data: unknown) {
  return api.put(`/api/admin/notes/${slug}`, { headers: json(headers), data: data as object })
}

async function shareLink(api: APIRequestContext, headers: Record<string, string>, slug: string): Promise<string> {
  const response = await api.post(`/api/admin/notes/${slug}/shares`, { headers: json(headers), data: { days: 1 } })
  expect(response.status()).toBe(201)
  return `/share/${(await response.json()).token}`
}

/** A note body whose second block is front matter written as JavaScript: it writes `marker`. */
function executableBlock(marker: string, closed: boolean) {
  const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, String(process.pid))`
  return `Intro paragraph.\n\n---js\n${code}\n${closed ? '---\n' : ''}`
}

/** Publishing is refused while the body has problems; the answer names them. */
async function expectPublishRefused(api: APIRequestContext, headers: Record<string, string>, slug: string, version: string, problem: string) {
  const response = await api.post(`/api/admin/notes/${slug}/publish`, { headers: json(headers), data: { version } })
  expect(response.status()).toBe(422)
  expect(JSON.stringify((await response.json()).problems)).toContain(problem)
}

test('a ---js block in a note body runs nothing: not on save, in the preview, behind a share link, or when published', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  const guest = await newClient(browser)
  for (const closed of [true, false]) {
    const marker = path.join(tmpdir(), `${uniqueSlug('front-matter-rce')}-${closed}`)
    const body = executableBlock(marker, closed)
    const slug = uniqueSlug('rce')

    // A draft keeps what the author typed, problems and all (drafts are never built)...
    const saved = await put(page.request, headers, slug, { version: null, note: { title: 'Intro', summary: 'S', tags: [], body } })
    expect(saved.status()).toBe(200)
    const { version, problems } = await saved.json()
    expect(JSON.stringify(problems)).toContain('front-matter syntax')
    expect(readNote(slug)).toContain('---js')
    try {
      // ...and nothing compiles it: not a reviewer's link, not the editor's preview, not a publish.
      const link = await shareLink(page.request, headers, slug)
      const guestPage = await guest.newPage()
      await guestPage.goto(link)
      await expect(guestPage.getByText('This draft cannot be shown right now')).toBeVisible()
      await guestPage.close()

      await page.goto(`/admin/notes/${slug}`)
      await expect(page.getByRole('alert').filter({ hasText: 'front-matter syntax' }).first()).toContainText('Line 3')
      await expectPublishRefused(page.request, headers, slug, version, 'front-matter syntax')
      expect(existsSync(marker), `closed: ${closed}`).toBe(false)
    } finally {
      rmSync(noteFile(slug), { force: true })
      rmSync(marker, { force: true })
    }
  }
  await guest.close()
  await context.close()
})

test('a share link dies with its note: a new note at the same slug is not shown to it', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  const slug = uniqueSlug('shared')
  const created = await (await put(page.request, headers, slug, { version: null, note: { title: 'Shared draft', summary: '', tags: [], body: 'First draft text.\n' } })).json()
  const link = await shareLink(page.request, headers, slug)
  const guest = await newClient(browser)
  expect((await guest.request.get(link)).status()).toBe(200)

  const deleted = await page.request.delete(`/api/admin/notes/${slug}`, { headers: json(headers), data: { version: created.version } })
  expect(deleted.status()).toBe(200)
  await put(page.request, headers, slug, { version: null, note: { title: 'Unrelated later draft', summary: '', tags: [], body: 'Private.\n' } })
  const reopened = await guest.request.get(link)
  expect(reopened.status()).toBe(404)
  expect(await reopened.text()).not.toContain('Unrelated later draft')
  await guest.close()
  await context.close()
})

test('a tab or entity inside javascript: does not get past the policy', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  for (const href of ['java&#x09;script:alert(1)', 'java&Tab;script:alert(1)', '&#106;avascript:alert(1)']) {
    const slug = uniqueSlug('tab-url')
    const response = await put(page.request, headers, slug, { version: null, note: { title: 'Link', summary: 'S', tags: [], body: `<a href="${href}">d</a>\n` } })
    const { version, problems } = await response.json()
    expect(JSON.stringify(problems), href).toContain('may not be a javascript:')
    await expectPublishRefused(page.request, headers, slug, version, 'may not be a javascript:')
    rmSync(noteFile(slug), { force: true })
  }
  await context.close()
})

test('a formula cannot draw a block over the page', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  const slug = uniqueSlug('huge-rule')
  const body = 'Before $\\rule{100000em}{100000em}$ after.\n'
  expect((await put(page.request, headers, slug, { version: null, note: { title: 'Huge rule', summary: '', tags: [], body } })).status()).toBe(200)
  await page.goto(`/admin/notes/${slug}`)
  const rule = preview(page).locator('.katex .rule')
  await expect(rule).toBeVisible()
  const box = (await rule.boundingBox())!
  const fontSize = await rule.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
  expect(box.height).toBeLessThanOrEqual(10.5 * fontSize)
  expect(box.width).toBeLessThanOrEqual(10.5 * fontSize)
  await context.close()
})

test('notebook uploads have one limit with a clear message, and large ones are refused before converting', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  const upload = (name: string, text: string | Buffer) =>
    page.request.post('/api/admin/notebooks', { headers, multipart: { notebook: { name, mimeType: 'application/x-ipynb+json', buffer: Buffer.from(text) } } })
  const notebook = (markdownBytes: number) =>
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { note: { title: 'Large' } }, cells: [{ cell_type: 'markdown', metadata: {}, source: 'x'.repeat(markdownBytes) }] })

  // Over 10 MB (where the proxy used to cut the body): read whole, refused for what it is.
  const large = await upload('large.ipynb', notebook(12_000_000))
  expect(large.status()).toBe(422)
  expect((await large.json()).error).toBe('large.ipynb: its cells and text outputs come to 12.0 MB, and a note body may be at most 1 MB (clear large outputs or split the notebook).')

  const tooLarge = await upload('huge.ipynb', notebook(21_000_000))
  expect(tooLarge.status()).toBe(413)
  expect((await tooLarge.json()).error).toBe('The notebook is larger than 20 MB; clear large outputs in Jupyter, or split it.')
  await context.close()
})

test('the content-sync and scheduled-publish addresses exist only for the server itself; /api/health says ready and nothing more', async ({ request }) => {
  const guesses = [{}, { 'x-self-request': 'guess' }, { 'x-self-request': 'a'.repeat(64) }, { 'x-content-sync': 'a'.repeat(64) }] as Record<string, string>[]
  for (const url of ['/api/content-sync', '/api/scheduled-publish']) {
    for (const headers of guesses) {
      const response = await request.post(url, { headers })
      expect(response.status(), url).toBe(404)
      expect(await response.text()).toBe('Not found')
    }
  }
  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
  expect(health.headers()['cache-control']).toBe('no-store')
  expect(await health.json()).toEqual({ status: 'ok' })
})
