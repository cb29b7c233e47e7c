import { NextResponse, type NextRequest } from 'next/server'
import { baseSecurityHeaders, contentSecurityPolicy, PRIVATE_PREFIXES } from '@/lib/security/csp.mjs'
import { themeScriptHash } from '@/lib/security/theme-hash'
import { siteConfig } from '@/lib/site'

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token']

const isPrivate = (pathname: string) =>
  PRIVATE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))

/**
 * Convenience and headers only, and only where they differ from the public pages' (which get
 * theirs from next.config.mjs, without this running): every admin page, action and route checks the
 * session itself (lib/auth). Here: a strict nonce CSP and no-store on private pages, an early
 * bounce to sign-in for visitors with no session cookie at all, no inbound CSP header (Next reads
 * its nonce), and a 400 for addresses that cannot be decoded, wherever they point.
 */
export function proxy(request: NextRequest) {
  // Encoded control characters (%00…) and broken percent-encoding (%E0%A4%A, which Next would
  // answer with a 500) are never a real address; refuse before any route sees them.
  if (/%(?:0[0-9a-f]|1[0-9a-f]|7f)/i.test(request.nextUrl.pathname) || !decodes(request.nextUrl.pathname)) {
    return new NextResponse('Bad request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  // next-auth's own pages and endpoints that only make sense as POST stay out of reach.
  if (request.method !== 'POST' && /^\/api\/auth\/callback\/credentials\/?$/.test(request.nextUrl.pathname)) {
    return new NextResponse('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
  }
  const { pathname, search } = request.nextUrl
  // A public address with a percent sign that decodes: next.config.mjs's headers apply.
  if (!isPrivate(pathname)) return NextResponse.next()

  const requestHeaders = new Headers(request.headers)
  requestHeaders.delete('content-security-policy')
  // Production is where the site's own URL is https (TLS may end at a proxy in front of Next).
  const https = siteConfig.url.startsWith('https://')
  const development = process.env.NODE_ENV === 'development'

  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name))
  if (pathname.startsWith('/admin') && !hasSessionCookie) {
    const signIn = new URL('/sign-in', request.url)
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`)
    return withPrivateHeaders(NextResponse.redirect(signIn), https)
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const csp = contentSecurityPolicy({ nonce, scriptHashes: [themeScriptHash], development, https })
  requestHeaders.set('content-security-policy', csp)
  requestHeaders.set('x-nonce', nonce)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', csp)
  return withPrivateHeaders(response, https)
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

function withBaseHeaders(response: NextResponse, https: boolean): NextResponse {
  for (const { key, value } of baseSecurityHeaders(https)) response.headers.set(key, value)
  return response
}

function withPrivateHeaders(response: NextResponse, https: boolean): NextResponse {
  response.headers.set('Cache-Control', 'private, no-store')
  response.headers.set('X-Robots-Tag', 'noindex, nofollow')
  return withBaseHeaders(response, https)
}

// The private prefixes (PRIVATE_PREFIXES), and any address with a percent sign, to refuse one
// that does not decode before a route sees it. Literal, as Next reads it at build time.
export const config = {
  matcher: ['/admin/:path*', '/sign-in/:path*', '/api/admin/:path*', '/api/auth/:path*', '/share/:path*', '/(.*%.*)'],
}
