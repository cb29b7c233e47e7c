import path from 'node:path'
import { MAX_NOTEBOOK_REQUEST_BYTES } from './lib/notebooks/upload-limit.mjs'
import { CHART_LIBRARY_FILES } from './lib/charts/library-files.mjs'
import { noteImageCacheRules, PAGE_EXPIRE_SECONDS } from './lib/cache/cache-policy.mjs'
import { ensureStaticFeedFiles, servesStaticFeeds, staticFeedHeaderRules, staticFeedRewrites } from './lib/feed/static-feeds.mjs'
import { publicHeaderRules } from './lib/security/csp.mjs'
import { DEFAULT_DIST_DIR, DEFAULT_SITE_URL, PUBLIC_DIR } from './lib/settings/defaults.mjs'

const siteUrl = process.env.SITE_URL || DEFAULT_SITE_URL
const development = process.env.NODE_ENV === 'development'
const distDir = process.env.NEXT_DIST_DIR || DEFAULT_DIST_DIR
const staticFeeds = servesStaticFeeds({ development, env: process.env })
// Next lists public/ when it starts, after reading this file: the feed files must exist by then.
if (staticFeeds) ensureStaticFeedFiles(path.join(import.meta.dirname, PUBLIC_DIR), distDir)

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Baked in at build time, so feeds rendered on request use the same absolute URLs as the
  // prerendered pages, whatever the server's environment says later.
  env: { SITE_URL: siteUrl },
  poweredByHeader: false,
  reactStrictMode: true,
  // Contentlayer runs as its own step (see package.json), so Turbopack never needs its webpack plugin.
  distDir,
  // `npm run dev` may be opened as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // unauthorized()/forbidden() let server actions answer a guest with a real 401/403.
  // The preview action carries a whole note body (up to 1 MB of text, plus its fields).
  // The proxy buffers request bodies up to proxyClientMaxBodySize and silently cuts the rest.
  // The public pages' security headers, sent by Next itself: the proxy (proxy.ts) runs only on
  // the private ones, so a reader's request does no per-request work it does not need.
  headers: async () => [...publicHeaderRules({ development, https: siteUrl.startsWith('https://') }), ...(staticFeeds ? staticFeedHeaderRules() : []), ...noteImageCacheRules()],
  rewrites: async () => ({ beforeFiles: staticFeeds ? staticFeedRewrites(distDir) : [], afterFiles: [], fallback: [] }),
  // Public pages revalidate every minute (app/(site)/layout.tsx): a CDN may keep them that long,
  // then serve them stale for five minutes while it asks the origin again.
  expireTime: PAGE_EXPIRE_SECONDS,
  // Next's page cache, with the marks a publish leaves kept across restarts (see the file).
  cacheHandler: path.join(import.meta.dirname, 'lib/cache/durable-cache-handler.mjs'),
  // lib/content reads Contentlayer's output at run time: hosts that copy only traced files need it.
  // The chart libraries are read from node_modules by their route, never imported.
  outputFileTracingIncludes: {
    '/**': ['./.contentlayer/generated/*/_index.json'],
    '/charts/[file]': Object.values(CHART_LIBRARY_FILES).map((file) => `./node_modules/${file}`),
  },
  // Required at run time by lib/citations (feeds, the editor's checks), as Node loads it.
  serverExternalPackages: ['@citation-js/core', '@citation-js/plugin-bibtex', '@citation-js/plugin-csl'],
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '2mb' }, proxyClientMaxBodySize: MAX_NOTEBOOK_REQUEST_BYTES },
}

export default nextConfig
