import 'server-only'
import { contentVersion, getNoteSource, getNotes, getSeries, getTag, type NoteSummary } from '@/lib/content'
import { siteConfig } from '@/lib/site'
import { buildFeed, FEED_CONTENT_TYPES, lastChange, type FeedChannel, type FeedEntry, type FeedFormat } from './build'
import { feedPaths } from './paths'
import { renderFeedHtml } from './render-html'

const absolute = (path: string) => `${siteConfig.url}${path}`

function channel(title: string, description: string, pagePath: string): FeedChannel {
  const paths = feedPaths(pagePath)
  return {
    title,
    description,
    pageUrl: absolute(pagePath),
    feedUrls: { rss: absolute(paths.rss), atom: absolute(paths.atom), json: absolute(paths.json) },
  }
}

// A note's feed HTML, rendered once per version of the published content.
let htmlBySlug = new Map<string, Promise<string>>()
let htmlVersion = ''

async function entries(notes: NoteSummary[]): Promise<FeedEntry[]> {
  if (htmlVersion !== contentVersion()) {
    htmlBySlug = new Map()
    htmlVersion = contentVersion()
  }
  return Promise.all(
    notes.map(async (note) => {
      const url = absolute(note.url)
      if (!htmlBySlug.has(note.slug)) htmlBySlug.set(note.slug, renderFeedHtml(getNoteSource(note.slug) ?? '', url))
      return { ...note, url, html: await htmlBySlug.get(note.slug)! }
    }),
  )
}

export type FeedScope = { kind: 'site' } | { kind: 'tag'; slug: string } | { kind: 'series'; slug: string }

function resolve(scope: FeedScope): { channel: FeedChannel; notes: NoteSummary[] } | undefined {
  if (scope.kind === 'site') {
    return { channel: channel(siteConfig.title, siteConfig.description, '/'), notes: getNotes() }
  }
  if (scope.kind === 'tag') {
    const tag = getTag(scope.slug)
    if (!tag) return undefined
    const title = `${siteConfig.name}: notes tagged ${tag.tag}`
    return { channel: channel(title, `Notes about ${tag.tag}.`, `/tags/${tag.slug}`), notes: tag.notes }
  }
  const series = getSeries(scope.slug)
  if (!series) return undefined
  const title = `${siteConfig.name}: ${series.title}`
  // Feed readers list newest first; a series feed announces parts as they are published.
  const notes = [...series.parts].sort((a, b) => b.date.localeCompare(a.date))
  return { channel: channel(title, `The series “${series.title}”.`, `/series/${series.slug}`), notes }
}

/** Feed readers poll often: the newest notes are what they need, not the whole archive each time. */
export const FEED_ITEMS = 20

export type RenderedFeed = { body: string; contentType: string; lastModified: Date }

export async function renderFeed(format: FeedFormat, scope: FeedScope): Promise<RenderedFeed | undefined> {
  const resolved = resolve(scope)
  if (!resolved) return undefined
  const items = await entries(resolved.notes.slice(0, FEED_ITEMS))
  const author = { name: siteConfig.name, url: siteConfig.url }
  return {
    body: buildFeed(format, resolved.channel, items, author, siteConfig.locale),
    contentType: FEED_CONTENT_TYPES[format],
    lastModified: lastChange(items),
  }
}
