import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import { siteConfig } from '@/lib/site'
import { parseAuthEnv, type AuthEnv } from './env-schema'
import { isAllowedGitHubLogin } from './github'
import { verifyPassword } from './password'
import { sessionStore, signInLimiter } from './backends'
import { sameOriginUrl } from './redirect'
import { RedisUnavailableError } from '@/lib/redis/connect.mjs'

export const RATE_LIMITED = 'RateLimited'
/** The sign-in state cannot be reached (Redis): not the author's mistake, and said so. */
export const SIGN_IN_UNAVAILABLE = 'Unavailable'

// next-auth v4 builds its callback URLs from NEXTAUTH_URL; default it to the site's own URL
// (so cookies are Secure whenever the site is https). `npm run dev` trusts the Host header instead.
if (!process.env.NEXTAUTH_URL && !process.env.AUTH_TRUST_HOST) process.env.NEXTAUTH_URL = siteConfig.url

export function authEnv(): AuthEnv {
  const result = parseAuthEnv(process.env)
  if (!result.ok) throw new Error(`Sign-in is not configured:\n  ${result.problems.join('\n  ')}`)
  return result.env
}

type Headers = Record<string, string | string[] | undefined>

/**
 * The keys a sign-in attempt counts against: always the account named, and behind a configured
 * proxy the client address it appended. Without one, X-Forwarded-For could be forged and a shared
 * bucket would let anyone lock the author out with made-up emails, so there is no client key.
 */
function limitKeys(email: string, headers: Headers | undefined, env: AuthEnv): string[] {
  const keys = [`account:${email}`]
  if (env.TRUST_PROXY === '1') {
    const forwarded = headers?.['x-forwarded-for']
    const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',')
    keys.push(`client:${list.at(-1)?.trim() || 'unknown'}`)
  }
  return keys
}

function rateLimitError(retryAfterMs: number): Error {
  return new Error(`${RATE_LIMITED}:${Math.ceil(retryAfterMs / 1000)}`)
}

export function authOptions(): NextAuthOptions {
  const env = authEnv()
  const lifetimeSeconds = Math.round(env.AUTH_SESSION_HOURS * 3600)
  const author = { id: 'author', email: env.AUTHOR_EMAIL, name: env.AUTHOR_NAME ?? siteConfig.name }

  const credentials = CredentialsProvider({
    name: 'Email and password',
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    async authorize(input, request) {
      const email = String(input?.email ?? '').trim().toLowerCase().slice(0, 320)
      const password = String(input?.password ?? '')
      const keys = limitKeys(email, request?.headers as Headers, env)
      // Counted before the (slow) password check, so parallel guesses cannot all get through.
      const verdict = await signInLimiter()
        .admit(keys)
        .catch((error: unknown) => {
          if (!(error instanceof RedisUnavailableError)) throw error
          console.error(`Sign-in refused: ${error.message}`)
          throw new Error(SIGN_IN_UNAVAILABLE)
        })
      if (!verdict.allowed) throw rateLimitError(verdict.retryAfterMs)
      const isAuthor = email === env.AUTHOR_EMAIL
      const valid = await verifyPassword(isAuthor ? env.AUTHOR_PASSWORD_HASH : undefined, password)
      if (!valid) return null
      for (const key of keys) await signInLimiter().recordSuccess(key)
      return author
    },
  })

  const providers: NextAuthOptions['providers'] = [credentials]
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }))
  }

  return {
    secret: env.AUTH_SECRET,
    providers,
    session: { strategy: 'jwt', maxAge: lifetimeSeconds },
    jwt: { maxAge: lifetimeSeconds },
    pages: { signIn: '/sign-in', signOut: '/admin', error: '/sign-in', verifyRequest: '/sign-in' },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'github') return true
        return isAllowedGitHubLogin((profile as { login?: string } | undefined)?.login, env.AUTH_GITHUB_ALLOWED_LOGINS)
      },
      async jwt({ token, user }) {
        // A new sign-in: register a server-side session the cookie must match from now on.
        if (user) {
          token.sid = await sessionStore().create(lifetimeSeconds * 1000)
          token.name = author.name
          token.email = author.email
          return token
        }
        // An ended session: next-auth clears the cookie and /api/auth/session answers empty.
        if (!(await sessionStore().isActive(token.sid))) throw new Error('Session ended')
        return token
      },
      // What page scripts can read (/api/auth/session): never the server-side session id.
      async session({ session }) {
        return { expires: session.expires, user: { name: author.name } }
      },
      async redirect({ url, baseUrl }) {
        return sameOriginUrl(url, baseUrl)
      },
    },
    events: {
      async signOut({ token }) {
        await sessionStore().revoke(token?.sid)
      },
    },
  }
}

export function githubSignInEnabled(): boolean {
  const env = authEnv()
  return Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET)
}
