// How long shared caches (a CDN in front of the site) may keep what readers get. Plain JavaScript
// for next.config.mjs. Public pages say the same through their segments' `revalidate` (Next wants
// a literal there): app/(site)/layout.tsx.

/** A CDN serves a public page or feed for this many seconds before asking the origin again. */
export const SHARED_CACHE_SECONDS = 60
/**
 * …and may serve it stale this much longer while it asks. Short on purpose: the first reader after
 * the minute gets the stale copy, so an unpublished note could stay on a CDN this long (without
 * CDN_PURGE_URL).
 */
export const STALE_SECONDS = 300

/** Browsers always revalidate a feed (cheap: an ETag and a 304); a CDN keeps it a minute. */
export const FEED_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_CACHE_SECONDS}, stale-while-revalidate=${STALE_SECONDS}`

/** next.config's expireTime: Next adds `stale-while-revalidate=<expireTime − revalidate>` to pages. */
export const PAGE_EXPIRE_SECONDS = SHARED_CACHE_SECONDS + STALE_SECONDS

/**
 * next.config headers: a note image's name carries a hash of its bytes (a variant's, of its
 * original's: lib/notes/image-name.ts, lib/images/variants.mjs), so it never changes. Next serves
 * the ones present at start as plain public files (`max-age=0`), the route the later ones.
 */
export function noteImageCacheRules() {
  return [
    {
      source: '/notes/:slug/:file([a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{10}(?:-[0-9]{3,4})?\\.(?:png|jpg|gif|webp|avif))',
      headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
    },
  ]
}
