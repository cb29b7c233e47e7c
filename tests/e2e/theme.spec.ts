import { expect, test } from '@playwright/test'
import { setTheme } from './fixtures'

test.describe('light and dark themes', () => {
  test('follow the system setting by default', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' })
    const page = await context.newPage()
    await page.goto('/')
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    await context.close()
  })

  test('the toggle switches theme and the choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto('/notes')
    const html = page.locator('html')
    await expect(html).not.toHaveClass(/\bdark\b/)
    const toggle = page.getByRole('button', { name: 'Dark theme' })
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await toggle.click()
    await expect(html).toHaveClass(/\bdark\b/)
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)

    await page.reload()
    await expect(html).toHaveClass(/\bdark\b/)
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background)
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await page.reload()
    await expect(html).not.toHaveClass(/\bdark\b/)
  })

  test('a remembered theme applies before any script bundle runs (no flash)', async ({ page }) => {
    await setTheme(page, 'dark')
    await page.emulateMedia({ colorScheme: 'light' })
    // Block the app's JavaScript: only the inline pre-paint script can set the theme.
    await page.route('**/_next/static/**/*.js', (route) => route.abort())
    await page.goto('/')
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  })
})
