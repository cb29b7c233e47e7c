import { expect, test } from '@playwright/test'

test.describe('missing pages', () => {
  test('an unknown note slug gives the 404 page with a way back', async ({ page }) => {
    const response = await page.goto('/notes/no-such-note')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Note not found')
    await page.getByRole('link', { name: 'Browse all notes' }).click()
    await expect(page).toHaveURL('/notes')
  })

  test('an unknown address gives the site 404 page', async ({ page }) => {
    const response = await page.goto('/definitely/not/here')
    expect(response?.status()).toBe(404)
    await expect(page).toHaveTitle(/Page not found/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  })

  test('path tricks in a slug are just unknown notes', async ({ request }) => {
    expect((await request.get('/notes/..%2F..%2Fpackage.json')).status()).toBe(404)
    expect((await request.get('/tags/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).status()).toBe(404)
    expect((await request.get('/series/%00')).status()).toBe(400)
    expect((await request.get('/notes/a%0Ab')).status()).toBe(400)
    // Broken percent-encoding is a bad request, not a server error.
    expect((await request.get('/notes/%E0%A4%A')).status()).toBe(400)
    expect((await request.get('/tags/%ZZ')).status()).toBe(400)
  })
})
