type CspOptions = { nonce?: string; scriptHashes?: string[]; development?: boolean; https?: boolean }

/**
 * The Content-Security-Policy for a page. With a nonce (admin, rendered per request) only scripts
 * carrying it, or the listed hashes, run. Without one (prerendered public pages, which Next fills
 * with inline data scripts that differ per page) inline scripts must be allowed; everything else
 * stays as strict as on the admin.
 */
export function contentSecurityPolicy({ nonce, scriptHashes = [], development = false, https = false }: CspOptions): string {
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

/** Headers every response gets, public or admin. */
export function baseSecurityHeaders(https: boolean): Array<{ key: string; value: string }> {
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
