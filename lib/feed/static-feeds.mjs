// The site's own feeds (/feed.xml, /atom.xml, /feed.json) are also kept as files in public/,
// gzipped once per change of the content. Next serves a public file several times faster than it
// runs a route handler, and it drops the Content-Encoding a route handler sets, so only a file can
// be sent already compressed. Plain JavaScript: next.config.mjs routes to the files, the server
// writes them (lib/feed/static-files.ts).
import { gzipSync } from 'node:zlib'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FEED_CACHE_CONTROL } from '../cache/cache-policy.mjs'
import { FEED_CONTENT_TYPES } from './content-types.mjs'

/**
 * The feeds' folder under public/ (not committed), one per build, so that servers of other builds
 * in this folder (the test suite's, a benchmark's) do not write over each other's feeds.
 * @param {string} distDir NEXT_DIST_DIR
 */
export function staticFeedDir(distDir) {
  // send, which serves public/, refuses names that start with a dot.
  return `_feeds/${path.basename(distDir).replace(/^\.+/, '') || 'next'}`
}

/** @type {{ format: 'rss' | 'atom' | 'json', path: string, file: string }[]} */
export const STATIC_FEEDS = [
  { format: 'rss', path: '/feed.xml', file: 'feed.xml.gz' },
  { format: 'atom', path: '/atom.xml', file: 'atom.xml.gz' },
  { format: 'json', path: '/feed.json', file: 'feed.json.gz' },
]

// A reader that does not take gzip (no `gzip` token, or `gzip;q=0`) gets the route handler, which
// answers with plain bytes. Next matches the whole header value against this.
const ACCEPTS_GZIP = [{ type: 'header', key: 'accept-encoding', value: '(?!.*\\bgzip\\s*;\\s*q\\s*=\\s*0(?:\\.0*)?\\s*(?:,|$)).*\\bgzip\\b.*' }]

/**
 * Whether this build serves the feed files: `next start` does (its server writes them when it
 * starts and after each publish); `next dev` and hosts that run no server of ours (Vercel,
 * Netlify) keep the route handlers.
 * @param {{ development: boolean, env: Record<string, string | undefined> }} options
 */
export function servesStaticFeeds({ development, env }) {
  return !development && !env.VERCEL && !env.NETLIFY
}

/**
 * next.config rewrites (beforeFiles) from the feeds' paths to their files.
 * @param {string} distDir
 */
export function staticFeedRewrites(distDir) {
  return STATIC_FEEDS.map((feed) => ({ source: feed.path, has: ACCEPTS_GZIP, destination: `/${staticFeedDir(distDir)}/${feed.file}` }))
}

/** next.config headers: the file's bytes are gzip of the feed, of the feed's own type. */
export function staticFeedHeaderRules() {
  return STATIC_FEEDS.flatMap((feed) => [
    { source: feed.path, headers: [{ key: 'Vary', value: 'Accept-Encoding' }, { key: 'Cache-Control', value: FEED_CACHE_CONTROL }] },
    {
      source: feed.path,
      has: ACCEPTS_GZIP,
      headers: [
        { key: 'Content-Encoding', value: 'gzip' },
        { key: 'Content-Type', value: FEED_CONTENT_TYPES[feed.format] },
      ],
    },
  ])
}

/**
 * Next lists public/ once, when it starts: a file made later is never served. So the files exist
 * (empty feeds) before any server starts, and the server fills them before its first request.
 * @param {string} publicDir
 * @param {string} distDir
 */
export function ensureStaticFeedFiles(publicDir, distDir) {
  const dir = path.join(publicDir, staticFeedDir(distDir))
  mkdirSync(dir, { recursive: true })
  for (const feed of STATIC_FEEDS) {
    const file = path.join(dir, feed.file)
    if (!existsSync(file)) writeFileSync(file, gzipSync(''))
  }
}
