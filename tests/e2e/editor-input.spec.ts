import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { E2E_ORIGIN } from './auth-env'
import { authorPage, newClient, signInAsAuthor } from './auth-helpers'
import { authorHeaders, CONTENT, noteFile, openDetails, preview, readNote, saveStatus, startNote, typeInBody, uniqueSlug } from './editor-helpers'

const validNote = { title: 'Valid', summary: '', tags: [], body: 'Body\n' }

function put(api: APIRequestContext, headers: Record<string, string>, slug: string, data: unknown) {
  return api.put(`/api/admin/notes/${slug}`, { headers: { ...headers, 'content-type': 'application/json' }, data: data as object })
}

const notesOnDisk = () => readdirSync(path.join(CONTENT, 'notes')).filter((name) => name.endsWith('.mdx')).sort()

test('MDX that would run code never runs: listed and marked at its line, the preview keeps the last good render, publishing waits', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const slug = uniqueSlug('policy')
  await startNote(page, 'Policy', 'Safe text.', slug)
  await page.getByLabel('Summary').fill('Only the body is wrong.')
  await expect(saveStatus(page)).toHaveText(/^Saved/, { timeout: 15_000 })

  await typeInBody(page, '\n\nexport const x = process.env.AUTH_SECRET\n')
  const problems = page.getByRole('alert').filter({ hasText: 'in the body, marked in the margin' })
  await expect(problems).toContainText('Line 3, column 1: import and export are not allowed in notes.')
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1)
  // The draft keeps what was typed (drafts are never built); readers never get it.
  await expect(saveStatus(page)).toHaveText(/^Saved .*1 problem to fix before publishing/, { timeout: 15_000 })
  expect(readNote(slug)).toContain('export const')
  await expect(page.getByText('The preview shows the last version without errors')).toBeVisible()

  await page.keyboard.press('ControlOrMeta+z')
  await page.keyboard.insertText('The secret is {process.env.AUTH_SECRET}.\n')
  await expect(problems).toContainText('JavaScript expressions in {braces} are not allowed')
  await expect(preview(page)).not.toContainText('e2e-only-secret')
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText(/^Not published: The body has (a problem|\d problems); fix it to publish the note\./)).toBeVisible()
  expect(readNote(slug)).toContain('draft: true')
  await context.close()
})

test('path-traversal and malformed slugs are refused with a clear message and touch no file', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  // Other tests write notes meanwhile: look for this test's own marker, in any file, instead.
  const marker = uniqueSlug('traversal-marker')
  const written = () => [...notesOnDisk().filter((name) => readNote(name.replace(/\.mdx$/, '')).includes(marker)), ...readdirSync(process.cwd()).filter((name) => name.endsWith('.mdx'))]
  for (const slug of ['..%2F..%2Fpackage', '%2e%2e', '..', 'a%5Cb', 'a%2Fb', 'UPPER', 'con', 'x'.repeat(81), 'a--b', '%C3%A9t%C3%A9']) {
    const response = await put(context.request, headers, slug, { version: null, note: { ...validNote, body: marker } })
    expect([400, 404], slug).toContain(response.status())
    if (response.status() === 400) expect((await response.json()).error, slug).toMatch(/slug|reserved/i)
  }
  expect(written()).toEqual([])
  expect(existsSync(path.join(process.cwd(), 'package.mdx'))).toBe(false)

  // In the editor: the message sits under the Slug field.
  await startNote(page, 'Traversal', `${marker}\n`, '../outside')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.locator('#field-slug-error')).toHaveText(/The slug may only contain lowercase letters, digits and single hyphens/)
  await expect(page.getByLabel('Slug')).toHaveAttribute('aria-invalid', 'true')
  expect(written()).toEqual([])
  await context.close()
})

test('bad input gets a clear error and changes nothing on disk', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const headers = await authorHeaders(context)
  const api = context.request
  const slug = uniqueSlug('bad-input')
  const created = await put(api, headers, slug, { version: null, note: validNote })
  expect(created.status()).toBe(200)
  const { version } = await created.json()
  const original = readNote(slug)

  const cases: Array<[string, () => Promise<{ status: () => number; json: () => Promise<unknown> }>, number, RegExp]> = [
    ['a body over 1 MB', () => put(api, headers, slug, { version, note: { ...validNote, body: 'x'.repeat(1_100_000) } }), 422, /larger than 1 MB/],
    ['a request over the limit', () => put(api, headers, slug, { version, note: { ...validNote, body: 'x'.repeat(1_600_000) } }), 413, /too large/],
    ['an impossible date', () => put(api, headers, slug, { version, note: { ...validNote, date: '2021-02-30' } }), 422, /attention/],
    ['an unknown field', () => put(api, headers, slug, { version, note: { ...validNote, layout: 'evil' } }), 422, /attention/],
    ['a part without a series', () => put(api, headers, slug, { version, note: { ...validNote, seriesOrder: 2 } }), 422, /attention/],
    ['a title that is not text', () => put(api, headers, slug, { version, note: { ...validNote, title: { $gt: '' } } }), 422, /attention/],
    ['control characters in the title', () => put(api, headers, slug, { version, note: { ...validNote, title: 'a\u0007b' } }), 422, /attention/],
    ['a stale version', () => put(api, headers, slug, { version: '0123456789abcdef', note: validNote }), 409, /changed since/],
    ['a duplicate slug', () => put(api, headers, 'cuda', { version: null, note: validNote }), 409, /already exists/],
    ['binary garbage', () => api.put(`/api/admin/notes/${slug}`, { headers, data: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80]) }), 400, /not valid UTF-8/],
    ['malformed UTF-8 inside JSON', () => api.put(`/api/admin/notes/${slug}`, { headers, data: Buffer.concat([Buffer.from('{"version":null,"note":{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]) }), 400, /not valid UTF-8/],
    ['text that is not JSON', () => api.put(`/api/admin/notes/${slug}`, { headers, data: 'title=hello' }), 400, /not valid JSON/],
    ['a request of the wrong shape', () => put(api, headers, slug, { note: validNote }), 400, /malformed/],
  ]
  for (const [what, send, status, message] of cases) {
    const response = await send()
    expect(response.status(), what).toBe(status)
    const body = (await response.json()) as { error: string; errors?: Record<string, string> }
    expect(`${body.error} ${JSON.stringify(body.errors ?? {})}`, what).toMatch(message)
    expect(readNote(slug), what).toBe(original)
  }
  expect(readNote('cuda')).not.toContain('title: "Valid"')

  // Field errors name the field in the editor.
  await page.goto(`/admin/notes/${slug}`)
  await openDetails(page)
  await page.getByLabel('Part').fill('2')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByText('Series and part go together: set both or neither')).toBeVisible()
  expect(readNote(slug)).toBe(original)
  await context.close()
})

test('titles and bodies with <script>, ]]>, quotes and RTL text are stored verbatim and shown as text', async ({ browser }) => {
  const context = await newClient(browser)
  const page = await context.newPage()
  let alerted = false
  page.on('dialog', (dialog) => {
    alerted = true
    void dialog.dismiss()
  })
  await signInAsAuthor(page)
  const slug = uniqueSlug('hostile')
  const title = 'Tom & "Jerry" <script>alert(1)</script> ]]> שלום עולם'
  const body = 'Body with ]]> and "quotes" and שלום and \\<script>alert(2)\\</script>.\n'
  await startNote(page, title, body, slug)
  await expect(saveStatus(page)).toHaveText(/^Saved/, { timeout: 15_000 })
  const file = readNote(slug)
  expect(file).toContain(`title: ${JSON.stringify(title)}`)
  expect(file).toContain(body)

  await expect(preview(page).getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(preview(page)).toContainText('<script>alert(2)</script>')
  await page.goto(`/admin?q=${encodeURIComponent('שלום')}`)
  await expect(page.locator(`a[href="/admin/notes/${slug}"]`)).toHaveText(title)
  expect(alerted).toBe(false)
  expect(existsSync(noteFile(slug))).toBe(true)
  await context.close()
})

test('every admin API refuses guests (401) and other sites (403), and changes nothing', async ({ browser, request, playwright }) => {
  const slug = 'cuda'
  const endpoints = [
    ['GET', `/api/admin/notes/${slug}`],
    ['PUT', `/api/admin/notes/${slug}`],
    ['DELETE', `/api/admin/notes/${slug}`],
    ['POST', `/api/admin/notes/${slug}/publish`],
    ['DELETE', `/api/admin/notes/${slug}/publish`],
    ['POST', `/api/admin/notes/${slug}/restore`],
    ['POST', `/api/admin/notes/${slug}/images`],
    ['GET', `/api/admin/notes/${slug}/shares`],
    ['POST', `/api/admin/notes/${slug}/shares`],
    ['DELETE', `/api/admin/notes/${slug}/shares`],
  ] as const
  const original = readNote(slug)
  for (const [method, url] of endpoints) {
    const response = await request.fetch(url, { method, headers: { origin: E2E_ORIGIN, 'content-type': 'application/json' }, data: '{"version":null}' })
    expect(response.status(), `guest ${method} ${url}`).toBe(401)
  }

  const { context, page } = await authorPage(browser)
  const { cookie } = await authorHeaders(context)
  for (const [method, url] of endpoints.filter(([method]) => method !== 'GET')) {
    for (const origin of ['https://evil.example', '']) {
      const response = await context.request.fetch(url, { method, headers: { cookie, origin, 'content-type': 'application/json' }, data: '{"version":null}' })
      expect(response.status(), `cross-site ${method} ${url} from "${origin}"`).toBe(403)
    }
  }
  expect(readNote(slug)).toBe(original)

  // The preview server action, replayed by a guest with the id the author's page used.
  const actionId = new Promise<string>((resolve) =>
    page.on('request', (sent) => {
      const id = sent.headers()['next-action']
      if (id) resolve(id)
    }),
  )
  await page.goto('/admin/notes/new')
  await typeInBody(page, 'Trigger a preview.')
  // A fresh connection: the fixture's kept-alive one may have been closed by the server meanwhile.
  const guestRequest = await playwright.request.newContext({ baseURL: E2E_ORIGIN })
  const guest = await guestRequest.post('/admin/notes/new', {
    headers: { 'Next-Action': await actionId, origin: E2E_ORIGIN, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', cookie: 'next-auth.session-token=forged' },
    data: JSON.stringify([{ slug: 'x', title: 'x', summary: '', tags: [], body: 'hi' }]),
    maxRedirects: 0,
  })
  expect(guest.status()).toBe(401)
  await guestRequest.dispose()
  await context.close()
})
