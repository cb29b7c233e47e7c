import { expect, test } from '@playwright/test'
import { E2E_ORIGIN } from './auth-env'
import { newClient, sessionCookie, signIn, signInAsAuthor } from './auth-helpers'

test.describe('signing in to the admin', () => {
  test('a guest asking for /admin is sent to a styled sign-in page, and back after signing in', async ({ browser }) => {
    const context = await newClient(browser)
    const page = await context.newPage()
    await page.goto('/admin')
    await expect(page).toHaveURL('/sign-in?callbackUrl=%2Fadmin')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in')
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    await signIn(page)
    await expect(page).toHaveURL('/admin')
    await expect(page.getByRole('banner')).toContainText('Signed in as Arun Kumar RN')
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Notes' })).toBeVisible()
    await context.close()
  })

  test('a wrong password, or an unknown email, gets the same generic error', async ({ browser }) => {
    const context = await newClient(browser)
    const page = await context.newPage()
    await page.goto('/sign-in')
    await signIn(page, 'author@example.com', 'not-the-password')
    await expect(page.locator('p[role="alert"]')).toHaveText('Email or password is incorrect.')
    await signIn(page, 'someone-else@example.com', 'not-the-password')
    await expect(page.locator('p[role="alert"]')).toHaveText('Email or password is incorrect.')
    await expect(page).toHaveURL(/\/sign-in/)
    await context.close()
  })

  test('the sixth rapid failed attempt is refused with a clear message', async ({ browser }) => {
    const context = await newClient(browser)
    const page = await context.newPage()
    await page.goto('/sign-in')
    // A fresh account name per run: the server's counters outlive a single test.
    const target = `target-${test.info().repeatEachIndex}-${Date.now()}@example.com`
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, target, `guess-${attempt}`)
      await expect(page.locator('p[role="alert"]')).toHaveText('Email or password is incorrect.')
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
    }
    await signIn(page, target, 'guess-6')
    await expect(page.locator('p[role="alert"]')).toHaveText(/^Too many failed attempts\. Try again in 10 minutes\.$/)
    await context.close()
  })

  for (const evil of ['https://evil.example/phish', '//evil.example/phish', '/\\evil.example', '/.//evil.example/x', '/admin/..//evil.example']) {
    test(`callbackUrl=${evil} does not leave the site`, async ({ browser }) => {
      const context = await newClient(browser)
      const page = await context.newPage()
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(evil)}`)
      await signIn(page)
      await expect(page).toHaveURL(`${E2E_ORIGIN}/admin`)
      await context.close()
    })
  }

  test('a burst of parallel guesses gets 5 password checks, not more', async ({ browser }) => {
    const context = await newClient(browser)
    const api = context.request
    const { csrfToken } = await (await api.get('/api/auth/csrf')).json()
    const burstTarget = `burst-${test.info().repeatEachIndex}-${Date.now()}@example.com`
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.post('/api/auth/callback/credentials', {
          form: { csrfToken, email: burstTarget, password: `guess-${i}`, json: 'true' },
          maxRedirects: 0,
        }),
      ),
    )
    const outcomes = await Promise.all(attempts.map(async (response) => decodeURIComponent((await response.json()).url)))
    expect(outcomes.filter((url) => url.includes('error=CredentialsSignin'))).toHaveLength(5)
    expect(outcomes.filter((url) => url.includes('error=RateLimited:'))).toHaveLength(7)
    await context.close()
  })

  test('signing out ends the session, and a copy of the old cookie no longer works', async ({ browser }) => {
    const context = await newClient(browser)
    const page = await context.newPage()
    await signInAsAuthor(page)
    const stolen = await sessionCookie(context)

    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await expect(page).toHaveURL(/\/sign-in/)
    await page.goto('/admin')
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/)

    const replay = await newClient(browser)
    await replay.addCookies([stolen])
    const replayPage = await replay.newPage()
    await replayPage.goto('/admin')
    await expect(replayPage).toHaveURL(/\/sign-in/)
    const api = await replay.request.get('/api/admin/sessions')
    expect(api.status()).toBe(401)
    // next-auth's own session endpoint agrees: no session, and the cookie is cleared.
    const session = await replay.request.get('/api/auth/session')
    expect(await session.json()).toEqual({})
    await replay.close()
    await context.close()
  })

  test('the session endpoint gives page scripts only a name and an expiry, never the session id', async ({ browser }) => {
    const context = await newClient(browser)
    const page = await context.newPage()
    await signInAsAuthor(page)
    const session = await (await page.request.get('/api/auth/session')).json()
    expect(Object.keys(session).sort()).toEqual(['expires', 'user'])
    expect(session.user).toEqual({ name: 'Arun Kumar RN' })
    expect(JSON.stringify(session)).not.toMatch(/sid|jti/)
    await context.close()
  })

  test('admin responses are private, uncached, not indexed and under a nonce CSP', async ({ browser }) => {
    const context = await newClient(browser)
    const page = await context.newPage()
    await signInAsAuthor(page)
    const response = await page.request.get('/admin')
    expect(response.status()).toBe(200)
    const headers = response.headers()
    expect(headers['cache-control']).toBe('private, no-store')
    expect(headers['x-robots-tag']).toBe('noindex, nofollow')
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/)
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    // Next put the nonce on its own scripts: the page works (the sign-out button is interactive).
    const errors: string[] = []
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    await page.reload()
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeEnabled()
    expect(errors.filter((text) => /Content Security Policy/i.test(text))).toEqual([])
    await context.close()
  })
})
