import { expect, test } from '@playwright/test'
import { newClient, signInAsAuthor } from './auth-helpers'
import { openDetails, startNote, uniqueSlug } from './editor-helpers'
import { expectNoSeriousAxeViolations, PUBLIC_PAGES, setTheme } from './fixtures'

const PAGES = [...PUBLIC_PAGES, '/notes/no-such-note']

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe, ${theme} theme`, () => {
    for (const path of PAGES) {
      test(`${path} has no serious or critical violations`, async ({ page }) => {
        await setTheme(page, theme)
        await page.goto(path)
        await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
        await expectNoSeriousAxeViolations(page)
      })
    }
  })
}

test.describe('keyboard', () => {
  for (const path of ['/', '/notes/cuda']) {
    test(`Tab reaches every link and button on ${path}, with a visible focus ring`, async ({ page }) => {
      await page.goto(path)
      const focusable = await page.locator('a[href], button').count()
      const reached = new Set<string>()
      for (let i = 0; i < focusable + 5; i++) {
        await page.keyboard.press('Tab')
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null
          if (!el || el === document.body) return null
          const all = [...document.querySelectorAll('a[href], button')]
          const style = getComputedStyle(el)
          return { index: all.indexOf(el), outline: style.outlineStyle, width: style.outlineWidth }
        })
        if (!info) continue
        expect(info.outline, 'focused element shows an outline').not.toBe('none')
        if (info.index >= 0) reached.add(String(info.index))
      }
      expect(reached.size).toBe(focusable)
    })
  }

  test('the skip link is first and moves focus to the content', async ({ page }) => {
    await page.goto('/notes')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#main$/)
  })
})

test.describe('small screens', () => {
  for (const path of ['/', '/notes/cuda', '/notes/softmax-and-kernels', '/notes/matmul-cpu-vs-gpu']) {
    test(`${path} fits a 320 px wide phone without sideways scrolling`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } })
      const page = await context.newPage()
      await page.goto(path)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await context.close()
    })
  }
})

test.describe('the note editor', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violations (${theme} theme)`, async ({ browser }) => {
      const context = await newClient(browser)
      const page = await context.newPage()
      await setTheme(page, theme)
      await signInAsAuthor(page)
      await page.goto('/admin/notes/cuda')
      await expect(page.getByTestId('preview').getByRole('heading', { level: 1, name: 'CUDA' })).toBeVisible()
      await expectNoSeriousAxeViolations(page)
      // A new draft with the Details panel open and a problem marked in the body.
      await startNote(page, `Axe ${uniqueSlug(theme)}`, 'Intro.\n\n$\\frac{1}{$\n')
      await openDetails(page)
      await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1)
      await expectNoSeriousAxeViolations(page)
      await context.close()
    })
  }

  test('the keyboard moves through the form and out of the body editor (no trap)', async ({ browser }) => {
    const context = await newClient(browser)
    const page = await context.newPage()
    await signInAsAuthor(page)
    await page.goto('/admin/notes/new')
    const body = page.getByRole('textbox', { name: 'Body (Markdown and MDX)' })
    // Title, then the format toolbar (one stop; arrows move inside it), then the body.
    await page.getByLabel('Title').focus()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('toolbar', { name: 'Format' }).getByRole('button', { name: 'Heading' })).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByRole('button', { name: 'Bold' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(body).toBeFocused()
    await page.keyboard.type('Typed with the keyboard')
    await page.keyboard.press('Tab')
    await expect(body).not.toBeFocused()
    await expect(body).toContainText('Typed with the keyboard')
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor'))).toBeNull()
    await context.close()
  })
})
