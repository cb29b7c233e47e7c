import 'server-only'
import { decode } from 'next-auth/jwt'
import { cookies } from 'next/headers'
import { forbidden, redirect, unauthorized } from 'next/navigation'
import { connection } from 'next/server'
import { siteConfig } from '@/lib/site'
import { sessionStore } from './backends'
import { authEnv } from './config'

export type Author = { name: string; email: string }

// next-auth names the cookie __Secure-… when the site is https; accept only the name it would set,
// so a cookie planted without the Secure prefix is never read on an https site.
function sessionCookieName(): string {
  const secure = (process.env.NEXTAUTH_URL ?? siteConfig.url).startsWith('https://')
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token'
}

/**
 * The signed-in author, or null. The session cookie must decrypt with our secret, be unexpired,
 * name the author, and carry a session id still live on the server (so signed-out copies fail).
 * Decoded here rather than through getServerSession, which may try to rewrite cookies mid-render.
 */
export async function getAuthor(): Promise<Author | null> {
  await connection() // per request, never prerendered
  const env = authEnv()
  const jar = await cookies()
  const raw = jar.get(sessionCookieName())?.value
  if (!raw) return null
  let token: Awaited<ReturnType<typeof decode>>
  try {
    token = await decode({ token: raw, secret: env.AUTH_SECRET })
  } catch {
    return null // forged, tampered or expired
  }
  if (!token || token.email !== env.AUTHOR_EMAIL) return null
  if (!(await sessionStore().isActive(token.sid))) return null
  return { name: typeof token.name === 'string' ? token.name : env.AUTHOR_EMAIL, email: env.AUTHOR_EMAIL }
}

/** For admin pages and layouts: the author, or a redirect to sign in (and back). */
export async function requireAuthor(returnTo = '/admin'): Promise<Author> {
  const author = await getAuthor()
  if (!author) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`)
  return author
}

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message)
  }
}

/**
 * For admin route handlers and server actions: the author, or an AuthError (401 when not signed
 * in, 403 when a state-changing request comes from another site).
 */
export async function authorizeAdminRequest(request: Pick<Request, 'method' | 'headers'>): Promise<Author> {
  const author = await getAuthor()
  if (!author) throw new AuthError(401, 'Sign in first.')
  if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !isSameSiteRequest(request.headers)) {
    throw new AuthError(403, 'Cross-site request refused.')
  }
  return author
}

/** Origin (or Sec-Fetch-Site) must say the request came from this site; a missing Origin is refused. */
export function isSameSiteRequest(headers: Headers, trustProxy = authEnv().TRUST_PROXY === '1'): boolean {
  const fetchSite = headers.get('sec-fetch-site')
  if (fetchSite && fetchSite !== 'same-origin') return false
  const origin = headers.get('origin')
  // X-Forwarded-Host is the client's to set unless a trusted proxy overwrites it.
  const host = (trustProxy ? headers.get('x-forwarded-host') : null) ?? headers.get('host')
  if (!origin || !host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

/** For server actions: the author, or a 401/403 response (actions accept requests with no Origin). */
export async function requireAuthorForAction(headers: Headers): Promise<Author> {
  try {
    return await authorizeAdminRequest({ method: 'POST', headers })
  } catch (error) {
    if (error instanceof AuthError) return error.status === 401 ? unauthorized() : forbidden()
    throw error
  }
}

/**
 * Ends every session of the author, this one included: what the admin's "Sign out everywhere" and
 * DELETE /api/admin/sessions do (`npm run author:password` ends them the same way, file or Redis).
 */
export async function signOutEverywhere(): Promise<void> {
  await sessionStore().revokeAll()
}

export function adminErrorResponse(error: unknown): Response {
  if (error instanceof AuthError) {
    return Response.json({ error: error.message }, { status: error.status, headers: { 'Cache-Control': 'private, no-store' } })
  }
  throw error
}
