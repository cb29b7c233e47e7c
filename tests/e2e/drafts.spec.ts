import { expect, test } from '@playwright/test'
import { CANARY, DRAFT_TITLE, PUBLIC_PAGES } from './fixtures'

test.describe('drafts never reach the public', () => {
  for (const path of PUBLIC_PAGES) {
    test(`no trace of the draft on ${path}`, async ({ request }) => {
      const response = await request.get(path)
      expect(response.status()).toBe(200)
      const html = await response.text()
      expect(html).not.toContain(CANARY)
      expect(html).not.toContain(DRAFT_TITLE)
    })
  }

  test('the draft has no page, and its only tag has no page', async ({ request }) => {
    expect((await request.get('/notes/draft-canary')).status()).toBe(404)
    expect((await request.get('/tags/canary-only-tag')).status()).toBe(404)
  })

  test('the series does not count the draft as a part', async ({ page }) => {
    await page.goto('/notes/cuda')
    await expect(page.getByRole('complementary', { name: /Series/ })).toContainText('Part 1 of 3')
  })
})
