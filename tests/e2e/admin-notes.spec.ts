import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { newClient, signInAsAuthor } from './auth-helpers'
import { DRAFT_TITLE, HOSTILE_NOTE } from './fixtures'

// The fixture copy the server reads (CONTENT_DIR), never the repository's content/.
const AWAITING = path.join(process.cwd(), '.test-content/notes/published-after-build.mdx')

test.afterAll(() => rmSync(AWAITING, { force: true }))

test('the admin lists every note file with its status, and filters by status and text', async ({ browser }) => {
  writeFileSync(AWAITING, '---\ntitle: "Published after the build"\ndate: "2022-01-01"\nsummary: "s"\ndraft: false\n---\n\nBody\n')
  const context = await newClient(browser)
  const page = await context.newPage()
  await signInAsAuthor(page)

  const table = page.getByRole('table', { name: /Notes/ })
  const row = (title: string | RegExp) => table.getByRole('row').filter({ hasText: title })
  await expect(table.getByRole('row').filter({ has: page.locator('a[href="/admin/notes/cuda"]') })).toContainText('Published')
  await expect(row(DRAFT_TITLE)).toContainText('Draft')
  await expect(row('Published after the build')).toContainText('Published, not on the site yet')
  await expect(row(HOSTILE_NOTE.title)).toContainText('Published')

  await page.getByLabel('Status').selectOption('draft')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/status=draft/)
  await expect(row(DRAFT_TITLE)).toBeVisible()
  // Only drafts (the editor tests running beside this one may add some of their own).
  const statuses = await table.getByRole('row').locator('td:nth-child(2)').allTextContents()
  expect(statuses.length).toBeGreaterThan(0)
  expect(new Set(statuses)).toEqual(new Set(['Draft']))

  await page.getByLabel('Status').selectOption('all')
  await page.getByLabel('Search').fill('softmax')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(row('Softmax, gradients and a first CUDA kernel')).toBeVisible()
  await context.close()
})
