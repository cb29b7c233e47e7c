import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { AUTHOR_EMAIL, AUTHOR_PASSWORD } from './auth-env'

let clients = 0

/** A browser context that looks like its own client (its own address behind the trusted proxy). */
export async function newClient(browser: Browser): Promise<BrowserContext> {
  clients += 1
  const address = `198.51.100.${(process.pid % 200) + 1}-${clients}-${Date.now()}`
  return browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } })
}

export async function signIn(page: Page, email = AUTHOR_EMAIL, password = AUTHOR_PASSWORD) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** Signs in from /sign-in and waits for the admin. */
export async function signInAsAuthor(page: Page) {
  await page.goto('/sign-in')
  await signIn(page)
  await expect(page).toHaveURL('/admin')
  await expect(page.getByRole('banner')).toContainText('Signed in as')
}

/** A new client, signed in as the author, on the admin: the start of every editor journey. */
export async function authorPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newClient(browser)
  const page = await context.newPage()
  await signInAsAuthor(page)
  return { context, page }
}

export async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'))
  expect(cookie, 'session cookie').toBeTruthy()
  return cookie!
}
