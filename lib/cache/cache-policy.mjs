// How long shared caches (a CDN in front of the site) may keep what readers get. Plain JavaScript
// for next.config.mjs. Public pages say the same through their segments' `revalidate` (Next wants
// a literal there): app/(site)/layout.tsx.

/** A CDN serves a public page or feed for this many seconds before asking the origin again. */
export const SHARED_CACHE_SECONDS = 60
/** …and may serve it stale this much longer while it asks (or while the origin is down). */
export const STALE_SECONDS = 86_400

/** Browsers always revalidate a feed (cheap: an ETag and a 304); a CDN keeps it a minute. */
export const FEED_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_CACHE_SECONDS}, stale-while-revalidate=${STALE_SECONDS}`

/** next.config's expireTime: Next adds `stale-while-revalidate=<expireTime − revalidate>` to pages. */
export const PAGE_EXPIRE_SECONDS = SHARED_CACHE_SECONDS + STALE_SECONDS
