import { expect, test, type APIResponse } from '@playwright/test'
import { E2E_ORIGIN } from './auth-env'
import { CUDA_NOTE, NOTEBOOK_NOTE } from './fixtures'

// Public pages get their security headers from next.config.mjs (the proxy runs only on private
// ones): every kind of public response must still carry all of them.

const DATA_FILE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

function expectBaseHeaders(response: APIResponse, where: string) {
  const headers = response.headers()
  expect(headers['x-content-type-options'], where).toBe('nosniff')
  expect(headers['x-frame-options'], where).toBe('DENY')
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin')
  expect(headers['cross-origin-opener-policy'], where).toBe('same-origin')
  expect(headers['permissions-policy'], where).toContain('camera=()')
}

test('every kind of public response carries the page policy and the base headers', async ({ request }) => {
  const paths = ['/', '/notes', CUDA_NOTE.url, NOTEBOOK_NOTE.url, '/tags/cuda', '/series', '/search?q=cuda', '/no-such-page', '/feed.xml', '/atom.xml', '/feed.json', '/search-index.json', '/sitemap.xml', '/robots.txt', '/api/health']
  for (const path of paths) {
    const response = await request.get(path)
    expect(response.status(), path).toBeLessThan(path === '/no-such-page' ? 500 : 400)
    const csp = response.headers()['content-security-policy']
    expect(csp, path).toContain("script-src 'self' 'unsafe-inline'")
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp, path).toContain(directive)
    expect(csp, path).not.toContain("'unsafe-eval'")
    expectBaseHeaders(response, path)
  }
})

test('prerendered public pages and feeds are not marked private', async ({ request }) => {
  for (const path of ['/', '/notes', CUDA_NOTE.url, '/tags/cuda', '/feed.xml', '/search-index.json']) {
    expect((await request.get(path)).headers()['cache-control'] ?? '', path).not.toMatch(/private|no-store/)
  }
})

test('files a page links to (notebook plots and downloads) get the policy that runs nothing', async ({ page, request }) => {
  await page.goto(NOTEBOOK_NOTE.url)
  const plot = page.getByRole('main').getByRole('img', { name: /log-log|time/i }).first()
  const download = page.getByRole('link', { name: /download/i }).first()
  for (const src of [await plot.getAttribute('src'), await download.getAttribute('href')]) {
    const response = await request.get(src!)
    expect(response.status(), src!).toBe(200)
    expect(response.headers()['content-security-policy'], src!).toBe(DATA_FILE_CSP)
    expectBaseHeaders(response, src!)
  }
})

test('private pages keep their own: a nonce policy, no-store, noindex', async ({ request }) => {
  for (const path of ['/sign-in', '/admin', '/share/not-a-token']) {
    const response = await request.get(path, { maxRedirects: 0 })
    const headers = response.headers()
    expect(headers['cache-control'], path).toBe('private, no-store')
    expect(headers['x-robots-tag'], path).toContain('noindex')
    expectBaseHeaders(response, path)
    if (response.status() === 200) expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/)
  }
})

test('an address that does not decode is a 400 wherever it points, public or private', async ({ request }) => {
  for (const path of ['/notes/%E0%A4%A', '/%E0%A4%A', '/tags/%00', '/admin/%E0%A4%A', '/sign-in%00']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400)
  }
})

test('a CDN may keep public pages and feeds a minute, then serve them stale while it asks again', async ({ request }) => {
  for (const path of ['/', '/notes', CUDA_NOTE.url, '/tags/cuda']) {
    expect((await request.get(path)).headers()['cache-control'], path).toBe('s-maxage=60, stale-while-revalidate=300')
  }
  for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/tags/cuda/feed.xml']) {
    expect((await request.get(path)).headers()['cache-control'], path).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300')
  }
  const asset = (await (await request.get('/')).text()).match(/\/_next\/static\/[^"]+\.js/)![0]
  expect((await request.get(asset)).headers()['cache-control']).toBe('public, max-age=31536000, immutable')
})

test('the site feeds come gzipped from a file, plain to a reader without gzip, and answer 304 to a repeat', async ({ request }) => {
  const types = { '/feed.xml': 'application/rss+xml; charset=utf-8', '/atom.xml': 'application/atom+xml; charset=utf-8', '/feed.json': 'application/feed+json; charset=utf-8' }
  for (const [path, type] of Object.entries(types)) {
    const raw = await fetch(new URL(path, E2E_ORIGIN), { headers: { 'Accept-Encoding': 'gzip' } })
    expect(raw.headers.get('content-encoding'), path).toBe('gzip')
    expect(raw.headers.get('content-type'), path).toBe(type)
    expect(raw.headers.get('vary'), path).toContain('Accept-Encoding')
    const text = await raw.text() // fetch unzips it: a body that is not gzip fails here
    expect(text, path).toContain(CUDA_NOTE.title)
    const plain = await fetch(new URL(path, E2E_ORIGIN), { headers: { 'Accept-Encoding': 'identity' } })
    expect(plain.headers.get('content-encoding'), path).toBeNull()
    expect(await plain.text(), path).toBe(text)
    const etag = raw.headers.get('etag')!
    const again = await request.get(path, { headers: { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' } })
    expect(again.status(), path).toBe(304)
  }
})
