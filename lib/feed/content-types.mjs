/** Each feed format's Content-Type (plain JavaScript: next.config.mjs sends it for the feed files). */
export const FEED_CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}
