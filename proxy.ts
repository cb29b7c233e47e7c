import { NextResponse, type NextRequest } from 'next/server'
import { baseSecurityHeaders, contentSecurityPolicy } from '@/lib/security/csp'
import { themeScriptHash } from '@/lib/security/theme-hash'
import { siteConfig } from '@/lib/site'

const PRIVATE_PREFIXES = ['/admin', '/sign-in', '/api/admin', '/api/auth', '/share']
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token']

// Files, not pages: notebook plots and downloads, and note images. An SVG opened on its own would run
// on this origin, so these get a policy that allows nothing to run at all.
const DATA_FILE = /^\/(notebooks\/.+|notes\/[^/]+\/[^/]+\.[A-Za-z0-9]+)$/
const DATA_FILE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

const isPrivate = (pathname: string) =>
  PRIVATE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))

/**
 * Convenience and headers only: every admin page, action and route checks the session itself
 * (lib/auth). Here: a strict nonce CSP and no-store on private pages, an early bounce to sign-in
 * for visitors with no session cookie at all, and no inbound CSP header (Next reads its nonce).
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
  const requestHeaders = new Headers(request.headers)
  requestHeaders.delete('content-security-policy')
  const { pathname, search } = request.nextUrl
  // Production is where the site's own URL is https (TLS may end at a proxy in front of Next).
  const https = siteConfig.url.startsWith('https://')
  const development = process.env.NODE_ENV === 'development'

  if (!isPrivate(pathname)) {
    const response = NextResponse.next({ request: { headers: requestHeaders } })
    response.headers.set('Content-Security-Policy', DATA_FILE.test(pathname) ? DATA_FILE_CSP : contentSecurityPolicy({ development, https }))
    return withBaseHeaders(response, https)
  }

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

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
}
