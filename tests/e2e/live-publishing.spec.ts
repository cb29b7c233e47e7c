import { createServer, type IncomingHttpHeaders } from 'node:http'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { CDN_PURGE_PORT } from './auth-env'
import { authorPage, newClient } from './auth-helpers'
import { authorHeaders, expectSaved, startNote, typeInBody, uniqueSlug } from './editor-helpers'
import { CANARY, DRAFT_TITLE } from './fixtures'
import { searchIndexText } from './search-files'

// On the embedded default (`next start`, no deploy step) a change the author publishes reaches
// every public surface once the editor says so: no rebuild, no restart.

/** Every public surface a published note appears on, as a guest fetches it. */
function surfaces(slug: string, tagSlug: string, word: string) {
  return {
    page: `/notes/${slug}`,
    notes: '/notes',
    home: '/',
    tag: `/tags/${tagSlug}`,
    feedXml: '/feed.xml',
    atom: '/atom.xml',
    feedJson: '/feed.json',
    tagFeed: `/tags/${tagSlug}/feed.xml`,
    sitemap: '/sitemap.xml',
    searchIndex: '/search-index.json',
    search: `/search?q=${word}`,
    referencedBy: '/notes/cuda',
  }
}

/** Nothing of the note on a surface: a 404, or a page without it (the search page repeats the query). */
function expectAbsent(seen: Record<string, { status: number; text: string }>, slug: string, word: string) {
  for (const [name, { status, text }] of Object.entries(seen)) {
    if (status === 404) continue
    expect(status, name).toBe(200)
    expect(text, name).not.toContain(name === 'search' ? `/notes/${slug}` : word)
  }
}

async function bodies(guest: APIRequestContext, urls: Record<string, string>) {
  const seen: Record<string, { status: number; text: string }> = {}
  for (const [name, url] of Object.entries(urls)) {
    // The search index is a manifest and the files it names: all of them, as the dialog could load them.
    if (url === '/search-index.json') {
      seen[name] = await searchIndexText(guest)
      continue
    }
    // A keep-alive connection the server closed while the test waited is reset; a browser sends
    // such a GET again, and so does this.
    const response = await guest.get(url).catch((error: Error) => (/ECONNRESET/.test(error.message) ? guest.get(url) : Promise.reject(error)))
    seen[name] = { status: response.status(), text: await response.text() }
  }
  return seen
}

/** A stand-in for a CDN's purge API: what the server asked it. */
async function purgeListener() {
  const purges: { headers: IncomingHttpHeaders; body: string }[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      purges.push({ headers: request.headers, body })
      response.end('{"success":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(CDN_PURGE_PORT, '127.0.0.1', resolve))
  return { purges, close: () => new Promise((resolve) => server.close(resolve)) }
}

test('publish, update and unpublish reach every public surface without a rebuild', async ({ browser }) => {
  test.setTimeout(90_000)
  const cdn = await purgeListener()
  const { context, page } = await authorPage(browser)
  const guest = await newClient(browser)
  const slug = uniqueSlug('live')
  const word = `livepub${Date.now().toString(36)}`
  const title = `Live note ${word}`
  const tagSlug = `live-${word}`
  await startNote(page, title, `Intro ${word}, building on [CUDA](/notes/cuda).\n\n## Section ${word}\n\nFirst text.\n`, slug)
  await page.getByLabel('Summary').fill(`Summary ${word}`)
  await page.getByLabel('Tags').fill(`Live ${word}`)
  await expectSaved(page)

  // A draft is on none of them.
  const urls = surfaces(slug, tagSlug, word)
  let seen = await bodies(guest.request, urls)
  expect(seen.page.status).toBe(404)
  expectAbsent(seen, slug, word)

  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText(`Published. It is live at /notes/${slug}.`)).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('link', { name: 'View on site' })).toBeVisible()
  // The CDN in front (CDN_PURGE_URL) is told to forget what it keeps, with the header it needs.
  await expect.poll(() => cdn.purges.length).toBeGreaterThan(0)
  expect(cdn.purges[0].headers.authorization).toBe('Bearer e2e-purge-token')
  expect(JSON.parse(cdn.purges[0].body)).toEqual({ purge_everything: true })
  await cdn.close()
  seen = await bodies(guest.request, urls)
  expect(seen.page.status).toBe(200)
  for (const [name, { status, text }] of Object.entries(seen)) {
    expect(status, name).toBe(200)
    expect(text, name).toContain(name === 'sitemap' ? `/notes/${slug}` : word)
  }
  expect(seen.page.text).toContain(title)
  expect(seen.search.text).toContain(`/notes/${slug}`)
  expect(seen.referencedBy.text).toMatch(/Referenced by[\s\S]*Live note/)
  // The note's own social card, at the address its page names.
  const card = new URL(seen.page.text.match(/<meta property="og:image" content="([^"]+)"/)![1])
  expect(card.pathname).toContain(`/notes/${slug}/opengraph-image`)
  const image = await guest.request.get(card.pathname + card.search)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')

  // An explicit save of a published note updates it; the feed has the new text too.
  await typeInBody(page, `\nSecond text ${word}-updated.\n`)
  await page.getByRole('button', { name: /^(Save|Update)/ }).click()
  await expect(page.getByText('Saved and updated on the site.')).toBeVisible({ timeout: 20_000 })
  seen = await bodies(guest.request, { page: urls.page, feedXml: urls.feedXml })
  for (const [name, { text }] of Object.entries(seen)) expect(text, name).toContain(`${word}-updated`)
  // The index holds words, not the text as typed: both words now find the section they were typed in
  // (the search page runs the dialog's code over the same shards).
  const updated = await bodies(guest.request, { search: `/search?q=${word}+updated` })
  expect(updated.search.text).toContain(`/notes/${slug}#section-${word}`)

  // Unpublished: gone from all of them in the same window, and the draft canary never appeared.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Readers lose its page')
    void dialog.accept()
  })
  await page.getByRole('button', { name: 'Unpublish' }).click()
  await expect(page.getByText('Unpublished: it is a draft again, and gone from the site.')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('link', { name: 'View on site' })).toHaveCount(0)
  seen = await bodies(guest.request, urls)
  expect(seen.page.status).toBe(404)
  expect(seen.tag.status).toBe(404)
  expectAbsent(seen, slug, word)
  for (const [name, { text }] of Object.entries(seen)) {
    expect(text, name).not.toContain(CANARY)
    expect(text, name).not.toContain(DRAFT_TITLE)
  }

  // Published again, then deleted: gone at once too.
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText(`Published. It is live at /notes/${slug}.`)).toBeVisible({ timeout: 20_000 })
  expect((await guest.request.get(urls.page)).status()).toBe(200)
  const headers = { ...(await authorHeaders(context)), 'content-type': 'application/json' }
  const { version } = await (await page.request.get(`/api/admin/notes/${slug}`, { headers })).json()
  const deleted = await page.request.delete(`/api/admin/notes/${slug}`, { headers, data: { version } })
  expect((await deleted.json()).live.ok).toBe(true)
  expectAbsent(await bodies(guest.request, urls), slug, word)
  expect((await guest.request.get(urls.page)).status()).toBe(404)
  await guest.close()
  await context.close()
})
