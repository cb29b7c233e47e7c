import type { Metadata } from 'next'
import { feedPaths } from '@/lib/feed/paths'
import { siteConfig } from '@/lib/site'

type FeedLink = { pagePath: string; title: string }

export type PageMetadataInput = {
  title?: string
  description: string
  path: string
  /** Feeds besides the site's own to announce in <head> (a tag's or a series'). */
  feed?: FeedLink
  article?: { publishedTime: string; modifiedTime?: string; tags: string[] }
  /** Further `<meta name>` tags, such as Google Scholar's citation_* ones. */
  metaTags?: Record<string, string | string[]>
}

function feedAlternates(feeds: FeedLink[]) {
  const links = (format: 'rss' | 'atom' | 'json', label: string) =>
    feeds.map((feed) => ({ url: feedPaths(feed.pagePath)[format], title: `${feed.title} (${label})` }))
  return {
    'application/rss+xml': links('rss', 'RSS'),
    'application/atom+xml': links('atom', 'Atom'),
    'application/feed+json': links('json', 'JSON Feed'),
  }
}

/** Canonical URL, feed autodiscovery, Open Graph and Twitter card tags for one page. */
export function pageMetadata({ title, description, path, feed, article, metaTags }: PageMetadataInput): Metadata {
  const feeds = [{ pagePath: '/', title: siteConfig.name }, ...(feed ? [feed] : [])]
  const ogTitle = title ?? siteConfig.title
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: path, types: feedAlternates(feeds) },
    openGraph: {
      title: ogTitle,
      description,
      url: path,
      siteName: siteConfig.name,
      locale: 'en_GB',
      ...(article
        ? {
            type: 'article',
            publishedTime: article.publishedTime,
            modifiedTime: article.modifiedTime,
            authors: [siteConfig.url],
            tags: article.tags,
          }
        : // A page-level openGraph replaces the root's file-based image, so name it again; notes
          // have their own card (app/(site)/notes/[slug]/opengraph-image.tsx), which wins.
          { type: path === '/' ? 'profile' : 'website', images: [{ url: '/opengraph-image', width: 1200, height: 630 }] }),
    },
    twitter: { card: 'summary_large_image', title: ogTitle, description },
    ...(metaTags ? { other: metaTags } : {}),
  }
}
