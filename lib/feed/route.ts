import 'server-only'
import { FEED_CACHE_CONTROL } from '@/lib/cache/cache-policy.mjs'
import { contentVersion, getAllSeries, getTags } from '@/lib/content'
import type { FeedFormat } from './build'
import { renderFeed, type FeedScope } from './channels'
import { isNotModified, validators } from './conditional'

// A feed's bytes change only when the published content does (a live refresh, or a rebuild in
// `npm run dev`): render and name each once per version of the content, then answer from memory.
type CachedFeed = { body: string; contentType: string; etag: string; lastModified: string } | null
let cache = new Map<string, Promise<CachedFeed>>()
let cachedVersion = ''

async function prepare(format: FeedFormat, scope: FeedScope): Promise<CachedFeed> {
  const feed = await renderFeed(format, scope)
  if (!feed) return null
  return { body: feed.body, contentType: feed.contentType, ...validators(feed.body, feed.lastModified) }
}

async function respond(request: Request, format: FeedFormat, scope: FeedScope): Promise<Response> {
  if (cachedVersion !== contentVersion()) {
    cache = new Map()
    cachedVersion = contentVersion()
  }
  const key = `${format}:${scope.kind}:${'slug' in scope ? scope.slug : ''}`
  if (!cache.has(key)) cache.set(key, prepare(format, scope))
  const feed = await cache.get(key)!
  if (!feed) return new Response('No such feed', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

  const { etag, lastModified } = feed
  const headers = {
    ETag: etag,
    'Last-Modified': lastModified,
    'Cache-Control': FEED_CACHE_CONTROL,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  }
  if (isNotModified(request.headers, etag, lastModified)) return new Response(null, { status: 304, headers })
  return new Response(feed.body, { headers: { ...headers, 'Content-Type': feed.contentType } })
}

type SlugParams = { params: Promise<Record<string, string>> }

export function siteFeedRoute(format: FeedFormat) {
  return (request: Request) => respond(request, format, { kind: 'site' })
}

export function tagFeedRoute(format: FeedFormat) {
  return async (request: Request, { params }: SlugParams) =>
    respond(request, format, { kind: 'tag', slug: (await params).tag })
}

export function seriesFeedRoute(format: FeedFormat) {
  return async (request: Request, { params }: SlugParams) =>
    respond(request, format, { kind: 'series', slug: (await params).series })
}

export const tagFeedParams = () => getTags().map((tag) => ({ tag: tag.slug }))
export const seriesFeedParams = () => getAllSeries().map((series) => ({ series: series.slug }))
