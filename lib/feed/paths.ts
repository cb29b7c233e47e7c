import type { FeedFormat } from './build'

export const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }

/** The feeds of a page: `/` gives /feed.xml, `/tags/cuda` gives /tags/cuda/feed.xml, and so on. */
export function feedPaths(pagePath: string): Record<FeedFormat, string> {
  const base = pagePath === '/' ? '' : pagePath
  return { rss: `${base}/${FEED_FILES.rss}`, atom: `${base}/${FEED_FILES.atom}`, json: `${base}/${FEED_FILES.json}` }
}
