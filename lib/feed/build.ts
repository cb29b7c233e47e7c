import { Feed } from 'feed'
import type { NoteSummary } from '@/lib/content/notes'
import { xmlSafe } from './xml-text'
import { FEED_CONTENT_TYPES as CONTENT_TYPES } from './content-types.mjs'

export type FeedFormat = 'rss' | 'atom' | 'json'

/** A note as a feed item: its summary fields, with an absolute `url`, plus the body as HTML. */
export type FeedEntry = Pick<NoteSummary, 'url' | 'title' | 'summary' | 'date' | 'updated' | 'tags'> & { html: string }

export type FeedChannel = {
  title: string
  description: string
  /** Absolute URL of the page the feed mirrors (home, a tag page, a series page). */
  pageUrl: string
  /** Absolute URLs of this channel's three feeds. */
  feedUrls: Record<FeedFormat, string>
}

export type FeedAuthor = { name: string; url: string }

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = CONTENT_TYPES

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Atom's title and summary are declared type="html": plain text must be escaped to stay text. */
function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])
}

const XML_ATTRIBUTE_ESCAPES: Record<string, string> = { ...HTML_ESCAPES, "'": '&apos;' }

// The feed library writes attribute values escaping only `&`; a tag like `C <3 "GPU"` would break
// the XML. Atom categories go in as placeholders and are written here, fully escaped.
function categoryToken(index: number): string {
  return `feed-category-${index}-token`
}

function fillCategoryTokens(xml: string, tags: string[]): string {
  return xml.replace(/<category [^<>]*\/>/g, (element) =>
    element.replace(/feed-category-(\d+)-token/g, (_, index: string) =>
      xmlSafe(tags[Number(index)]).replace(/[&<>"']/g, (char) => XML_ATTRIBUTE_ESCAPES[char]),
    ),
  )
}

/** The newest publish or update date among the entries: the channel changes only when a note does. */
export function lastChange(entries: FeedEntry[]): Date {
  const times = entries.map((entry) => Date.parse(entry.updated ?? entry.date))
  return new Date(times.length ? Math.max(...times) : 0)
}

function jsonFeed11(feed: Feed, author: FeedAuthor, language: string): string {
  const json = JSON.parse(feed.json1())
  json.version = 'https://jsonfeed.org/version/1.1'
  json.language = language
  json.authors = [author]
  delete json.author
  for (const item of json.items) {
    item.authors = [author]
    delete item.author
  }
  return JSON.stringify(json, null, 2)
}

/** One channel in one format, items newest first, every text made safe for XML. */
export function buildFeed(
  format: FeedFormat,
  channel: FeedChannel,
  entries: FeedEntry[],
  author: FeedAuthor,
  language: string,
): string {
  const atom = format === 'atom'
  const text = (value: string) => xmlSafe(atom ? htmlText(value) : value)
  const tags: string[] = []
  const category = (tag: string) => {
    if (!atom) return { name: xmlSafe(tag) }
    tags.push(tag)
    const token = categoryToken(tags.length - 1)
    return { name: token, term: token }
  }
  const feed = new Feed({
    id: channel.pageUrl,
    link: channel.pageUrl,
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    language,
    updated: lastChange(entries),
    generator: false,
    copyright: `© ${author.name}`,
    author: { name: author.name, link: author.url },
    feedLinks: channel.feedUrls,
  })
  for (const entry of entries) {
    feed.addItem({
      id: entry.url,
      link: entry.url,
      title: text(entry.title),
      description: text(entry.summary),
      content: xmlSafe(entry.html),
      date: new Date(entry.updated ?? entry.date),
      published: new Date(entry.date),
      category: entry.tags.map(category),
      author: [{ name: author.name, link: author.url }],
    })
  }
  if (format === 'rss') return feed.rss2()
  if (format === 'atom') return fillCategoryTokens(feed.atom1(), tags)
  return jsonFeed11(feed, author, language)
}
