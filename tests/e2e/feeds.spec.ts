import { expect, test, type APIRequestContext } from '@playwright/test'
import { CANARY, CUDA_NOTE, FIXTURE_NOTE, HOSTILE_NOTE, NOTEBOOK_NOTE, isSuiteNote, PUBLISHED_TITLES } from './fixtures'
import { parseWithFeedparser, xmlErrors } from './feed-tools'

// The build's SITE_URL default: every link in a feed is absolute against it.
const SITE = 'http://localhost:3000'

async function fetchFeed(request: APIRequestContext, path: string, contentType: string) {
  const response = await request.get(path)
  expect(response.status(), path).toBe(200)
  expect(response.headers()['content-type']).toBe(contentType)
  return { response, body: await response.text() }
}

for (const { path, type, version } of [
  { path: '/feed.xml', type: 'application/rss+xml; charset=utf-8', version: 'rss20' },
  { path: '/atom.xml', type: 'application/atom+xml; charset=utf-8', version: 'atom10' },
]) {
  test.describe(`${path} in feedparser`, () => {
    test('is well-formed and parses with zero errors', async ({ request }) => {
      const { body } = await fetchFeed(request, path, type)
      expect(xmlErrors(body)).toBe('')
      const feed = parseWithFeedparser(body)
      expect(feed.bozo, feed.bozo_exception).toBe(false)
      expect(feed.version).toBe(version)
      expect(feed.feed.self).toEqual([`${SITE}${path}`])
    })

    test('lists every published note newest first, with full fields', async ({ request }) => {
      const feed = parseWithFeedparser((await fetchFeed(request, path, type)).body)
      expect(feed.entries.filter((entry) => !isSuiteNote(entry.link)).map((entry) => entry.title)).toEqual(PUBLISHED_TITLES)
      const cuda = feed.entries.find((entry) => entry.link === `${SITE}${CUDA_NOTE.url}`)!
      expect(cuda).toBeDefined()
      expect(cuda.link).toBe(`${SITE}${CUDA_NOTE.url}`)
      expect(cuda.id).toBe(`${SITE}${CUDA_NOTE.url}`)
      expect(cuda.summary).toContain('What a GPU is')
      expect(cuda.tags).toEqual(['CUDA', 'GPU', 'PyTorch', 'Deep Learning'])
      expect(new Date(cuda.published).toISOString()).toBe('2020-12-01T00:00:00.000Z')
      expect(cuda.author).toContain('Arun Kumar RN')
      // The whole note, readable with no scripts and no site CSS.
      expect(cuda.content).toContain('To understand CUDA, we need to understand what a GPU is.')
      expect(cuda.content).toContain('<li><strong>cuDNN</strong> (Library)</li>')
    })

    test('carries math as MathML, code as plain <pre><code> and absolute links', async ({ request }) => {
      const feed = parseWithFeedparser((await fetchFeed(request, path, type)).body)
      const fixture = feed.entries.find((entry) => entry.link === `${SITE}${FIXTURE_NOTE.url}`)!
      expect(fixture.content).toContain('<math')
      expect(fixture.content).toMatch(/<pre><code class="language-python">import torch/)
      expect(fixture.content).not.toMatch(/style="|<script|katex-html/)
      if (version === 'atom10') expect(new Date(fixture.updated).toISOString()).toBe('2021-02-01T00:00:00.000Z')
      const hostile = feed.entries.find((entry) => entry.link === `${SITE}${HOSTILE_NOTE.url}`)!
      expect(hostile.content).toContain(`href="${SITE}/notes/cuda"`)
      expect(hostile.content).toContain(`src="${SITE}/avatar.svg"`)
    })

    test('round-trips hostile titles, summaries and tags exactly', async ({ request }) => {
      const feed = parseWithFeedparser((await fetchFeed(request, path, type)).body)
      const hostile = feed.entries.find((entry) => entry.link === `${SITE}${HOSTILE_NOTE.url}`)!
      expect(hostile.title).toBe(HOSTILE_NOTE.title)
      expect(hostile.summary).toBe(HOSTILE_NOTE.summary)
      expect(hostile.tags).toEqual([HOSTILE_NOTE.tag])
      expect(hostile.content).toContain('<code>]]></code>')
      expect(hostile.content).toContain('日本語 and Arabic العربية')
    })
  })
}

test('the JSON Feed is version 1.1 and matches the XML feeds', async ({ request }) => {
  const { body } = await fetchFeed(request, '/feed.json', 'application/feed+json; charset=utf-8')
  const feed = JSON.parse(body)
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
  expect(feed.feed_url).toBe(`${SITE}/feed.json`)
  expect(feed.items.filter((item: { url: string }) => !isSuiteNote(item.url)).map((item: { title: string }) => item.title)).toEqual(PUBLISHED_TITLES)
  type Item = { title: string; summary: string; tags: string[]; content_html: string; date_modified: string }
  const item = (title: string) => (feed.items as Item[]).find((entry) => entry.title === title)!
  const hostile = item(HOSTILE_NOTE.title)
  expect(hostile).toMatchObject({ title: HOSTILE_NOTE.title, summary: HOSTILE_NOTE.summary, tags: [HOSTILE_NOTE.tag] })
  expect(hostile.content_html).toContain('<code>]]></code>')
  expect(item(FIXTURE_NOTE.title).date_modified).toBe('2021-02-01T00:00:00.000Z')
  // A notebook note: its numbered equation as MathML, its plot as an absolute image URL.
  const notebook = item(NOTEBOOK_NOTE.title).content_html
  expect(notebook).toMatch(/<div id="eq-gflops" class="equation"><span class="katex"><math[^>]*display="block"/)
  expect(notebook).toMatch(/<img src="http:\/\/localhost:3000\/notebooks\/matmul-cpu-vs-gpu\/cell-\d+-[0-9a-f]{10}\.png" alt="[^"]+"/)
})

test('tag and series feeds hold just their notes', async ({ request }) => {
  const tag = parseWithFeedparser((await fetchFeed(request, '/tags/cuda/feed.xml', 'application/rss+xml; charset=utf-8')).body)
  expect(tag.entries.map((entry) => entry.title)).toEqual([NOTEBOOK_NOTE.title, CUDA_NOTE.title])
  const series = parseWithFeedparser(
    (await fetchFeed(request, '/series/understanding-fundamentals-of-pytorch/atom.xml', 'application/atom+xml; charset=utf-8')).body,
  )
  expect(series.bozo).toBe(false)
  expect(series.entries.map((entry) => entry.title)).toEqual([NOTEBOOK_NOTE.title, FIXTURE_NOTE.title, CUDA_NOTE.title])
  expect((await request.get('/tags/no-such-tag/feed.json')).status()).toBe(404)
  expect((await request.get('/tags/canary-only-tag/feed.xml')).status()).toBe(404)
})

test('no feed ever carries the draft', async ({ request }) => {
  for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/tags/cuda/feed.xml', '/series/understanding-fundamentals-of-pytorch/feed.json']) {
    expect(await (await request.get(path)).text(), path).not.toContain(CANARY)
  }
})

test('conditional GET: a reader with the current copy gets 304 and no body', async ({ request }) => {
  for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/tags/gpu/atom.xml']) {
    const first = await request.get(path)
    const etag = first.headers()['etag']
    const lastModified = first.headers()['last-modified']
    // The site feeds come from a file (a weak, size-and-time tag); the others from a route (a hash).
    expect(etag, path).toMatch(/^(W\/)?"[\w-]+"$/)
    expect(new Date(lastModified).toString()).not.toBe('Invalid Date')

    const byTag = await request.get(path, { headers: { 'If-None-Match': etag } })
    expect(byTag.status(), path).toBe(304)
    expect(await byTag.body()).toHaveLength(0)
    expect(byTag.headers()['etag']).toBe(etag)

    const byDate = await request.get(path, { headers: { 'If-Modified-Since': lastModified } })
    expect(byDate.status(), path).toBe(304)

    const stale = await request.get(path, { headers: { 'If-None-Match': '"not-the-current-one"' } })
    expect(stale.status(), path).toBe(200)
    const older = await request.get(path, { headers: { 'If-Modified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT' } })
    expect(older.status(), path).toBe(200)
  }
})
