import { MAX_NOTEBOOK_REQUEST_BYTES } from './lib/notebooks/upload-limit.mjs'
import { publicHeaderRules } from './lib/security/csp.mjs'
import { DEFAULT_DIST_DIR, DEFAULT_SITE_URL } from './lib/settings/defaults.mjs'

const siteUrl = process.env.SITE_URL || DEFAULT_SITE_URL

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Baked in at build time, so feeds rendered on request use the same absolute URLs as the
  // prerendered pages, whatever the server's environment says later.
  env: { SITE_URL: siteUrl },
  poweredByHeader: false,
  reactStrictMode: true,
  // Contentlayer runs as its own step (see package.json), so Turbopack never needs its webpack plugin.
  distDir: process.env.NEXT_DIST_DIR || DEFAULT_DIST_DIR,
  // `npm run dev` may be opened as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // unauthorized()/forbidden() let server actions answer a guest with a real 401/403.
  // The preview action carries a whole note body (up to 1 MB of text, plus its fields).
  // The proxy buffers request bodies up to proxyClientMaxBodySize and silently cuts the rest.
  // The public pages' security headers, sent by Next itself: the proxy (proxy.ts) runs only on
  // the private ones, so a reader's request does no per-request work it does not need.
  headers: async () => publicHeaderRules({ development: process.env.NODE_ENV === 'development', https: siteUrl.startsWith('https://') }),
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '2mb' }, proxyClientMaxBodySize: MAX_NOTEBOOK_REQUEST_BYTES },
}

export default nextConfig
