import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match'
import { matchHas } from 'next/dist/shared/lib/router/utils/prepare-destination'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FEED_CACHE_CONTROL, noteImageCacheRules, PAGE_EXPIRE_SECONDS, SHARED_CACHE_SECONDS } from '@/lib/cache/cache-policy.mjs'
import { ensureStaticFeedFiles, servesStaticFeeds, staticFeedHeaderRules, staticFeedRewrites, staticFeedDir } from '@/lib/feed/static-feeds.mjs'
import { purgeCdn } from '@/lib/publishing/cdn-purge'
import { parseSettings } from '@/lib/settings/schema'

describe('the feed files next.config serves', () => {
  it('are served by `next start` only, not by `next dev` or a host that runs no server of ours', () => {
    expect(servesStaticFeeds({ development: false, env: {} })).toBe(true)
    expect(servesStaticFeeds({ development: true, env: {} })).toBe(false)
    expect(servesStaticFeeds({ development: false, env: { VERCEL: '1' } })).toBe(false)
    expect(servesStaticFeeds({ development: false, env: { NETLIFY: 'true' } })).toBe(false)
  })

  it('are rewritten to only for a reader that takes gzip', () => {
    const rewrite = staticFeedRewrites('/srv/site/.next').find((rule) => rule.source === '/feed.xml')!
    expect(rewrite.destination).toBe('/_feeds/next/feed.xml.gz')
    expect(staticFeedDir('/srv/site/.bench/next-editor')).toBe('_feeds/next-editor')
    const request = (encoding?: string) => ({ headers: encoding === undefined ? {} : { 'accept-encoding': encoding }, cookies: {}, url: '/feed.xml' })
    // Next's own matcher for `has`, as the server runs it.
    const matches = (encoding?: string) => Boolean(matchHas(request(encoding) as never, {}, rewrite.has as never))
    expect(matches('gzip, deflate, br')).toBe(true)
    expect(matches('br, gzip')).toBe(true)
    expect(matches('identity')).toBe(false)
    expect(matches('gzip;q=0, identity')).toBe(false)
    expect(matches('br, gzip; q=0.0')).toBe(false)
    expect(matches('gzip;q=0.5')).toBe(true)
    expect(matches('nogzipplease')).toBe(false)
    expect(matches()).toBe(false)
  })

  it('say they are gzip only where the rewrite sends gzip, and carry the cache policy either way', () => {
    const rules = staticFeedHeaderRules().filter((rule) => rule.source === '/atom.xml')
    const encoded = rules.find((rule) => rule.has)!
    expect(encoded.has).toEqual(staticFeedRewrites('/srv/site/.next').find((rule) => rule.source === '/atom.xml')!.has)
    expect(encoded.headers).toContainEqual({ key: 'Content-Encoding', value: 'gzip' })
    expect(encoded.headers).toContainEqual({ key: 'Content-Type', value: 'application/atom+xml; charset=utf-8' })
    expect(rules.find((rule) => !rule.has)!.headers).toContainEqual({ key: 'Cache-Control', value: FEED_CACHE_CONTROL })
  })

  it('exist as valid gzip before a server starts, and a written feed is never replaced by the placeholder', () => {
    const publicDir = mkdtempSync(path.join(tmpdir(), 'feed-files-'))
    try {
      ensureStaticFeedFiles(publicDir, '.next-e2e')
      for (const name of ['feed.xml.gz', 'atom.xml.gz', 'feed.json.gz']) {
        expect(gunzipSync(readFileSync(path.join(publicDir, '_feeds/next-e2e', name))).length).toBe(0)
      }
      writeFileSync(path.join(publicDir, '_feeds/next-e2e', 'feed.xml.gz'), 'written')
      ensureStaticFeedFiles(publicDir, '.next-e2e')
      expect(readFileSync(path.join(publicDir, '_feeds/next-e2e', 'feed.xml.gz'), 'utf8')).toBe('written')
      expect(existsSync(path.join(publicDir, '_feeds/next-e2e', 'feed.json.gz'))).toBe(true)
    } finally {
      rmSync(publicDir, { recursive: true, force: true })
    }
  })

  it('and pages give a CDN the same minute, then five minutes stale', () => {
    expect(FEED_CACHE_CONTROL).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300')
    expect(PAGE_EXPIRE_SECONDS - SHARED_CACHE_SECONDS).toBe(300)
    // Next wants a literal in the layout: it must say what the policy says.
    expect(readFileSync(path.resolve('app/(site)/layout.tsx'), 'utf8')).toMatch(new RegExp(`export const revalidate = ${SHARED_CACHE_SECONDS}\\n`))
  })
})

it('note images and their variants are immutable by name, and nothing else under a note is', () => {
  const match = getPathMatch(noteImageCacheRules()[0].source, { removeUnnamedParams: true, strict: true })
  expect(match('/notes/cuda/screenshot-0123456789.png')).toBeTruthy()
  expect(match('/notes/cuda/screenshot-0123456789-480.webp')).toBeTruthy()
  expect(match('/notes/cuda/opengraph-image-1fy89y')).toBe(false)
  expect(match('/notes/cuda')).toBe(false)
  expect(match('/notes/cuda/notes.png')).toBe(false)
})

describe('CDN_PURGE_URL', () => {
  const received: { headers: IncomingHttpHeaders; body: string; url: string }[] = []
  let status = 200
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body, url: request.url! })
      response.statusCode = status
      response.end()
    })
  })
  let origin = ''
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  const purgeSettings = (env: Record<string, string>) => {
    const parsed = parseSettings(env, '/srv/site')
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    return parsed.settings.cdnPurge
  }

  it('is unset by default, and nothing is called', async () => {
    expect(purgeSettings({})).toBeUndefined()
    expect(await purgeCdn(undefined)).toEqual({ purged: false })
  })

  it('is asked to purge everything, with the header CDN_PURGE_HEADER names', async () => {
    const purge = purgeSettings({ CDN_PURGE_URL: `${origin}/zones/z1/purge_cache`, CDN_PURGE_HEADER: 'Authorization: Bearer t0ken' })
    expect(await purgeCdn(purge)).toEqual({ purged: true, ok: true })
    const last = received.at(-1)!
    expect(last.url).toBe('/zones/z1/purge_cache')
    expect(last.headers.authorization).toBe('Bearer t0ken')
    expect(JSON.parse(last.body)).toEqual({ purge_everything: true })
  })

  it('failing is reported without the URL, and does not throw', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    status = 403
    const result = await purgeCdn(purgeSettings({ CDN_PURGE_URL: `${origin}/secret-path` }))
    status = 200
    expect(result).toEqual({ purged: true, ok: false, error: 'the CDN answered 403' })
    expect(errors.mock.calls.flat().join(' ')).not.toContain('secret-path')
    errors.mockRestore()
  })

  it('refuses settings that are not a URL or not one header, naming the variable', () => {
    const problems = (env: Record<string, string>) => {
      const parsed = parseSettings(env, '/srv/site')
      return parsed.ok ? [] : parsed.problems
    }
    expect(problems({ CDN_PURGE_URL: 'ftp://cdn.example/purge' })[0]).toMatch(/^CDN_PURGE_URL must be an http\(s\) URL/)
    expect(problems({ CDN_PURGE_URL: 'https://cdn.example/purge', CDN_PURGE_HEADER: 'Bearer abc' })[0]).toMatch(/^CDN_PURGE_HEADER must be one header as "Name: value"/)
  })
})
