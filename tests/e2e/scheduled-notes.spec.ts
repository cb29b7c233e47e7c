import { rmSync, writeFileSync } from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { TEST_CLOCK_FILE } from './auth-env'
import { newClient, signInAsAuthor } from './auth-helpers'
import { authorHeaders, expectSaved, openDetails, readNote, startNote, uniqueSlug } from './editor-helpers'
import { searchIndexText } from './search-files'

// The author schedules a note an hour ahead; it is on no public surface until the site's clock
// passes that time, then the live server publishes it by itself (lib/publishing/scheduler.ts).
// The server reads its clock from TEST_CLOCK_FILE (tests/e2e/auth-env.ts): this test moves it.

const HOUR_MS = 60 * 60 * 1000
const ZONE = 'Asia/Kolkata' // UTC+5:30 all year: the stored instant is the local time minus 5 h 30

/** The datetime-local value of an instant in Asia/Kolkata. */
function kolkataInput(ms: number): string {
  return new Date(ms + 5.5 * HOUR_MS).toISOString().slice(0, 16)
}

/** Every public surface a note can reach, and what each says about it. */
async function surfaces(guest: APIRequestContext, slug: string, word: string) {
  const urls = { page: `/notes/${slug}`, notes: '/notes', home: '/', tag: `/tags/sched-${word}`, feedXml: '/feed.xml', atom: '/atom.xml', feedJson: '/feed.json', sitemap: '/sitemap.xml', search: `/search?q=${word}` }
  const seen: Record<string, { status: number; text: string }> = {}
  for (const [name, url] of Object.entries(urls)) {
    // A keep-alive connection the server closed while the test waited is reset; a browser sends
    // such a GET again, and so does this.
    const response = await guest.get(url).catch((error: Error) => (/ECONNRESET/.test(error.message) ? guest.get(url) : Promise.reject(error)))
    seen[name] = { status: response.status(), text: await response.text() }
  }
  seen.searchIndex = await searchIndexText(guest)
  return seen
}

function expectNowhere(seen: Record<string, { status: number; text: string }>, slug: string, word: string) {
  expect(seen.page.status).toBe(404)
  expect(seen.tag.status).toBe(404)
  for (const [name, { status, text }] of Object.entries(seen)) {
    if (status === 404) continue
    expect(status, name).toBe(200)
    // The search page repeats the query it found nothing for.
    if (name !== 'search') expect(text, name).not.toContain(word)
    expect(text, name).not.toContain(`/notes/${slug}`)
  }
}

test.afterEach(() => rmSync(TEST_CLOCK_FILE, { force: true }))

test('a note scheduled an hour ahead is public nowhere until the clock passes its time, then everywhere by itself', async ({ browser }) => {
  test.setTimeout(90_000)
  const context = await browser.newContext({ timezoneId: ZONE, extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.77-sched-${Date.now()}` } })
  const page = await context.newPage()
  await signInAsAuthor(page)
  const guest = await newClient(browser)
  const slug = uniqueSlug('sched')
  const word = `schedword${Date.now().toString(36)}`
  await startNote(page, `Scheduled ${word}`, `Words ${word} for later.\n`, slug)
  await page.getByLabel('Summary').fill(`Summary ${word}`)
  await page.getByLabel('Tags').fill(`Sched ${word}`)
  await expectSaved(page)

  // A time that has passed is refused in the editor, saying what to do instead.
  await page.getByRole('button', { name: 'Schedule…' }).click()
  const when = page.getByLabel(/Publish at \(your time, Asia\/(Kolkata|Calcutta)\)/)
  await when.fill(kolkataInput(Date.now() - HOUR_MS))
  await page.getByRole('form', { name: 'Schedule' }).getByRole('button', { name: 'Schedule', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'That time has passed: pick a later one, or Publish now.' })).toBeVisible()

  // An hour ahead, in the author's zone: stored as the UTC instant, dated the author's day.
  const publishAt = Math.ceil((Date.now() + HOUR_MS) / 60_000) * 60_000
  await when.fill(kolkataInput(publishAt))
  await page.getByRole('form', { name: 'Schedule' }).getByRole('button', { name: 'Schedule', exact: true }).click()
  await expect(page.getByText(/^Scheduled for .*: the site publishes it by itself then\./)).toBeVisible({ timeout: 20_000 })
  // The form has closed: the keyboard is back on the button that opened it.
  await expect(page.getByRole('button', { name: 'Reschedule…' })).toBeFocused()
  await expect(page.getByText(/Scheduled for/).first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publish now' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Unschedule', exact: true })).toBeVisible()
  const file = readNote(slug)
  expect(file).toContain(`publishAt: "${new Date(publishAt).toISOString()}"`)
  expect(file).toContain('draft: false')
  expect(file).toContain(`date: "${kolkataInput(publishAt).slice(0, 10)}"`)

  // The notes list says when; the preview link works as a draft's does.
  await page.goto('/admin')
  const row = page.getByRole('row').filter({ hasText: `Scheduled ${word}` })
  await expect(row).toContainText('Scheduled for')
  await page.goto(`/admin/notes/${slug}`)
  await openDetails(page)
  await page.getByRole('button', { name: 'Create preview link' }).click()
  const link = await page.getByRole('textbox', { name: /preview link/i }).first().inputValue()
  const shared = await guest.request.get(new URL(link).pathname)
  expect(shared.status()).toBe(200)
  expect(await shared.text()).toContain('Scheduled preview, not public until')

  // Before its time: on no public surface, whatever else is published meanwhile.
  expectNowhere(await surfaces(guest.request, slug, word), slug, word)

  // The site's clock passes the time; no one publishes anything.
  writeFileSync(TEST_CLOCK_FILE, new Date(publishAt + HOUR_MS).toISOString())
  await expect.poll(async () => (await guest.request.get(`/notes/${slug}`)).status(), { timeout: 20_000 }).toBe(200)
  const seen = await surfaces(guest.request, slug, word)
  for (const [name, { status, text }] of Object.entries(seen)) {
    expect(status, name).toBe(200)
    // The home page lists only the latest few, and other tests publish notes dated today too.
    if (name === 'home') continue
    expect(text, name).toContain(name === 'sitemap' || name === 'search' ? `/notes/${slug}` : word)
  }
  // The page is dated the day it was scheduled for.
  expect(seen.page.text).toMatch(new RegExp(`datetime="${kolkataInput(publishAt).slice(0, 10)}"`, 'i'))

  // Clean up: the clock goes back when this test ends, and the note would be a scheduled one again.
  const headers = { ...(await authorHeaders(context)), 'content-type': 'application/json' }
  const { version } = await (await page.request.get(`/api/admin/notes/${slug}`, { headers })).json()
  expect((await page.request.delete(`/api/admin/notes/${slug}`, { headers, data: { version } })).status()).toBe(200)
  await guest.close()
  await context.close()
})
