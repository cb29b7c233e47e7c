import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { authorPage, newClient } from './auth-helpers'
import { authorHeaders, CONTENT, uniqueSlug } from './editor-helpers'

// Runs alone (its own project): while the content cannot build, every publish on the server fails.

const BROKEN = path.join(CONTENT, 'notes', 'zz-edited-by-hand.mdx')
test.afterAll(() => rmSync(BROKEN, { force: true }))

test('when the content no longer builds, a publish changes nothing public and the author sees what failed', async ({ browser }) => {
  test.setTimeout(90_000)
  const { context, page } = await authorPage(browser)
  const headers = { ...(await authorHeaders(context)), 'content-type': 'application/json' }
  const guest = await newClient(browser)
  const slug = uniqueSlug('blocked')
  const note = { title: `Blocked ${slug}`, summary: 'Waits for a fix', tags: [], body: 'Text.\n' }
  const created = await (await page.request.put(`/api/admin/notes/${slug}`, { headers, data: { version: null, note } })).json()

  // A file edited outside the admin: `updated` before `date` fails the content build.
  writeFileSync(BROKEN, '---\ntitle: "Edited by hand"\ndate: 2021-05-01\nupdated: 2021-01-01\nsummary: "s"\ndraft: false\n---\n\nBody\n')
  const published = await page.request.post(`/api/admin/notes/${slug}/publish`, { headers, data: { version: created.version } })
  expect(published.status()).toBe(200)
  const result = await published.json()
  expect(result.live.ok).toBe(false)
  expect(result.live.error).toContain('content/notes/zz-edited-by-hand.mdx')
  expect((await guest.request.get(`/notes/${slug}`)).status()).toBe(404)
  expect(await (await guest.request.get('/notes')).text()).not.toContain(note.title)

  await page.goto('/admin')
  await expect(page.getByRole('alert').filter({ hasText: 'The site could not be updated' })).toContainText('content/notes/zz-edited-by-hand.mdx')
  await expect(page.getByRole('row').filter({ hasText: note.title })).toContainText('Published, not on the site yet')
  await page.goto(`/admin/notes/${slug}`)
  await expect(page.getByRole('link', { name: 'View on site' })).toHaveCount(0)

  // Fixed: the next explicit save publishes everything waiting.
  rmSync(BROKEN)
  const saved = await page.request.put(`/api/admin/notes/${slug}`, { headers, data: { version: result.version, commit: true, note: { ...note, date: result.date } } })
  expect((await saved.json()).live.ok).toBe(true)
  expect((await guest.request.get(`/notes/${slug}`)).status()).toBe(200)
  await page.goto('/admin')
  await expect(page.getByRole('alert').filter({ hasText: 'The site could not be updated' })).toHaveCount(0)

  const current = await (await page.request.get(`/api/admin/notes/${slug}`, { headers })).json()
  await page.request.delete(`/api/admin/notes/${slug}/publish`, { headers, data: { version: current.version } })
  await guest.close()
  await context.close()
})
