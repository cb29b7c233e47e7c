import 'server-only'
import { getAllSeries, getTags } from '@/lib/content'
import type { FeedFormat } from './build'
import { renderFeed, type FeedScope } from './channels'
import { isNotModified, validators } from './conditional'

// Content is baked in at build time, so a feed's bytes never change while the server runs:
// render each once, then answer from memory.
const cache = new Map<string, ReturnType<typeof renderFeed>>()

async function respond(request: Request, format: FeedFormat, scope: FeedScope): Promise<Response> {
  const key = `${format}:${scope.kind}:${'slug' in scope ? scope.slug : ''}`
  if (!cache.has(key)) cache.set(key, renderFeed(format, scope))
  const feed = await cache.get(key)!
  if (!feed) return new Response('No such feed', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

  const { etag, lastModified } = validators(feed.body, feed.lastModified)
  const headers = {
    ETag: etag,
    'Last-Modified': lastModified,
    'Cache-Control': 'public, max-age=0, must-revalidate',
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
