import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, type BrowserContext, type Page } from '@playwright/test'
import { E2E_ORIGIN } from './auth-env'
import { sessionCookie } from './auth-helpers'

/** The fixture content the server edits (its own git repository; see scripts/test.mjs). */
export const CONTENT = path.join(process.cwd(), '.test-content')

export const noteFile = (slug: string) => path.join(CONTENT, 'notes', `${slug}.mdx`)
export const readNote = (slug: string) => readFileSync(noteFile(slug), 'utf8')
export const gitLog = (slug: string) =>
  execFileSync('git', ['log', '--format=%s', '--', `notes/${slug}.mdx`], { cwd: CONTENT, encoding: 'utf8' }).trim().split('\n').filter(Boolean)

/** A slug no other test (or earlier run) uses. */
export const uniqueSlug = (name: string) => `e2e-${name}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

export const saveStatus = (page: Page) => page.getByTestId('save-status')
export const preview = (page: Page) => page.getByTestId('preview')

/** Types into the CodeMirror body at the end of the text, as a person would. */
export async function typeInBody(page: Page, text: string) {
  const body = page.locator('.cm-content')
  await body.click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.insertText(text)
}

export async function bodyText(page: Page) {
  return page.locator('.cm-content').innerText()
}

/** Opens the Details panel (slug, summary, tags, series, dates, sharing, delete) if it is closed. */
export async function openDetails(page: Page) {
  const toggle = page.getByRole('button', { name: 'Details', exact: true })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible()
}

/** Opens a new note, gives it a title (which proposes the slug) and a body. */
export async function startNote(page: Page, title: string, body: string, slug?: string) {
  await page.goto('/admin/notes/new')
  await page.getByLabel('Title').fill(title)
  if (slug) {
    await openDetails(page)
    await page.getByLabel('Slug').fill(slug)
  }
  await typeInBody(page, body)
}

export async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText(/^Saved /, { timeout: 15_000 })
}

/** Request headers of the signed-in author in `context`, as the editor's own fetches send them. */
export async function authorHeaders(context: BrowserContext) {
  const cookie = await sessionCookie(context)
  return { cookie: `${cookie.name}=${cookie.value}`, origin: E2E_ORIGIN }
}
