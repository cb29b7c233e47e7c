// The site's security headers, written once. Plain JavaScript: next.config.mjs sends the public
// pages' headers without running the proxy (proxy.ts, which sends the private pages' own).

/**
 * The Content-Security-Policy for a page. With a nonce (admin, rendered per request) only scripts
 * carrying it, or the listed hashes, run. Without one (prerendered public pages, which Next fills
 * with inline data scripts that differ per page) inline scripts must be allowed; everything else
 * stays as strict as on the admin.
 * @param {{ nonce?: string, scriptHashes?: string[], development?: boolean, https?: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, scriptHashes = [], development = false, https = false }) {
  const scripts = nonce
    ? [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...scriptHashes.map((hash) => `'${hash}'`)]
    : [`'self'`, `'unsafe-inline'`]
  if (development) scripts.push(`'unsafe-eval'`)
  const directives = [
    `default-src 'self'`,
    `script-src ${scripts.join(' ')}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    `manifest-src 'self'`,
  ]
  if (https) directives.push('upgrade-insecure-requests')
  return directives.join('; ')
}

/**
 * Files, not pages (notebook plots and downloads, note images): an SVG opened on its own would run
 * on this origin, so these get a policy that allows nothing to run at all.
 */
export const DATA_FILE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

/**
 * Headers every response gets, public or admin.
 * @param {boolean} https
 * @returns {Array<{ key: string, value: string }>}
 */
export function baseSecurityHeaders(https) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
    },
    ...(https ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ]
}

/** Where the author's pages are: the proxy runs there, and the public headers do not apply. */
export const PRIVATE_PREFIXES = ['/admin', '/sign-in', '/api/admin', '/api/auth', '/share']

/**
 * next.config's `headers()` for every public path: the page policy and the base headers, and the
 * data-file policy for files. Applied by Next to prerendered pages and route handlers alike.
 * @param {{ development: boolean, https: boolean }} options
 */
export function publicHeaderRules({ development, https }) {
  const privatePaths = PRIVATE_PREFIXES.map((prefix) => `${prefix.slice(1)}(?:/|$)`).join('|')
  const dataFile = [{ key: 'Content-Security-Policy', value: DATA_FILE_CSP }]
  return [
    {
      source: `/((?!${privatePaths}).*)`,
      headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy({ development, https }) }, ...baseSecurityHeaders(https)],
    },
    // Later rules win for the same header.
    { source: '/notebooks/:path+', headers: dataFile },
    { source: '/notes/:slug/:file([^/]+\\.[A-Za-z0-9]+)', headers: dataFile },
  ]
}
