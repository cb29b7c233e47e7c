import { encode } from 'next-auth/jwt'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { AUTH_SECRET, AUTHOR_EMAIL, E2E_ORIGIN } from './auth-env'
import { newClient, sessionCookie, signInAsAuthor } from './auth-helpers'

const COOKIE = 'next-auth.session-token'

async function token(options: { secret?: string; maxAge?: number; sid?: string }) {
  return encode({
    token: { email: AUTHOR_EMAIL, name: 'Arun Kumar RN', sid: options.sid ?? 'not-a-live-session' },
    secret: options.secret ?? AUTH_SECRET,
    maxAge: options.maxAge ?? 3600,
  })
}

const BYPASS_HEADERS = {
  'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware',
  'x-nextjs-data': '1',
  'x-forwarded-host': 'evil.example',
}

/** Every admin endpoint, as a guest would call it. */
const ENDPOINTS = [
  { method: 'GET', path: '/api/admin/sessions' },
  { method: 'DELETE', path: '/api/admin/sessions' },
] as const

async function call(request: APIRequestContext, method: string, path: string, headers: Record<string, string>) {
  return request.fetch(path, { method, headers, maxRedirects: 0 })
}

const attackers = async () => ({
  'no cookie': {},
  'forged JWT (wrong secret)': { cookie: `${COOKIE}=${await token({ secret: 'attacker-secret-attacker-secret-0000' })}` },
  'expired JWT': { cookie: `${COOKIE}=${await token({ maxAge: -60 })}` },
  'valid signature, session not live on the server': { cookie: `${COOKIE}=${await token({})}` },
  'no cookie + bypass headers': { ...BYPASS_HEADERS },
  'forged JWT + bypass headers': { cookie: `${COOKIE}=${await token({ secret: 'attacker-secret-attacker-secret-0000' })}`, ...BYPASS_HEADERS },
})

test('every admin route handler refuses every kind of guest with 401', async ({ request }) => {
  for (const [who, headers] of Object.entries(await attackers())) {
    for (const { method, path } of ENDPOINTS) {
      const response = await call(request, method, path, { origin: E2E_ORIGIN, ...headers })
      expect(response.status(), `${who}: ${method} ${path}`).toBe(401)
      expect(response.headers()['cache-control']).toBe('private, no-store')
    }
  }
})

test('admin pages send every kind of guest to sign in, whatever headers they add', async ({ request }) => {
  for (const [who, headers] of Object.entries(await attackers())) {
    const response = await call(request, 'GET', '/admin', headers)
    expect(response.status(), who).toBe(307)
    expect(response.headers()['location'], who).toMatch(/^\/sign-in\?callbackUrl=%2Fadmin/)
  }
})

test('the admin server action refuses guests with 401 and does nothing', async ({ browser, request }) => {
  // A live session that a successful "sign out everywhere" would end.
  const context = await newClient(browser)
  const page = await context.newPage()
  await signInAsAuthor(page)
  const actionField = await page.locator('form input[name^="$ACTION_ID_"]').getAttribute('name')
  const actionId = actionField!.replace('$ACTION_ID_', '')

  for (const [who, headers] of Object.entries(await attackers())) {
    // The call React's client makes: action id in a header, arguments as a JSON body.
    const response = await request.post('/admin', {
      headers: {
        ...headers,
        'Next-Action': actionId,
        origin: E2E_ORIGIN,
        accept: 'text/x-component',
        'content-type': 'text/plain;charset=UTF-8',
      },
      data: '[]',
      maxRedirects: 0,
    })
    const status = response.status()
    if ('x-forwarded-host' in headers) {
      // Next itself aborts an action whose forwarded host does not match its Origin ("Invalid
      // Server Actions request", answered 500) before our check runs: refused either way.
      expect([401, 307, 500], who).toContain(status)
    } else {
      // Without any session cookie the proxy already bounces to sign-in; otherwise the action says 401.
      expect(status, who).toBe('cookie' in headers ? 401 : 307)
    }
  }
  // Still signed in: no guest call signed the author out.
  await page.reload()
  await expect(page.getByText('Signed in as')).toBeVisible()
  await context.close()
})

test('state-changing admin calls from another site, or with no Origin, are refused with 403', async ({ browser }) => {
  const context = await newClient(browser)
  const page = await context.newPage()
  await signInAsAuthor(page)
  const cookie = await sessionCookie(context)
  const api = context.request
  const headers = { cookie: `${cookie.name}=${cookie.value}` }

  expect((await api.fetch('/api/admin/sessions', { method: 'DELETE', headers: { ...headers, origin: 'https://evil.example' } })).status()).toBe(403)
  expect((await api.fetch('/api/admin/sessions', { method: 'DELETE', headers: { ...headers, origin: '' } })).status()).toBe(403)
  expect(
    (await api.fetch('/api/admin/sessions', { method: 'DELETE', headers: { ...headers, origin: E2E_ORIGIN, 'sec-fetch-site': 'cross-site' } })).status(),
  ).toBe(403)
  // Reading is fine, and the session survived the refused calls.
  const whoami = await api.get('/api/admin/sessions', { headers })
  expect(whoami.status()).toBe(200)
  expect(await whoami.json()).toEqual({ author: { name: 'Arun Kumar RN', email: AUTHOR_EMAIL } })
  await context.close()
})
