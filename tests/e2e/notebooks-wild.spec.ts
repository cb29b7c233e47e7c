import { expect, test, type Page } from '@playwright/test'
import { WILD_NOTES } from '../../scripts/lib/wild-notebooks.mjs'
import { expectNoSeriousAxeViolations, HOSTILE_NOTE, setTheme } from './fixtures'

// Real notebooks from tests/fixtures/notebooks-wild, built as published notes by the suite's
// content build (scripts/lib/wild-notebooks.mjs): what a reader of each one gets.

/** Every image in the article, scrolled to so lazy ones load: its source and whether it drew. */
async function articleImages(page: Page) {
  const images = page.getByRole('article').locator('img')
  const found: { src: string; loaded: boolean }[] = []
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete)).toBe(true)
    found.push(await image.evaluate((img: HTMLImageElement) => ({ src: img.currentSrc || img.src, loaded: img.naturalWidth > 0 })))
  }
  return found
}

for (const note of WILD_NOTES) {
  test.describe(`the real notebook ${note.from}`, () => {
    const url = `/notes/${note.slug}`

    test('has one h1, images that load, links that lead somewhere, and no leftover reprs', async ({ page, request, baseURL }) => {
      await page.goto(url)
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
      const article = page.getByRole('article')
      await expect(article).not.toContainText('<IPython.core.display')
      await expect(article).not.toContainText('interactive(children=')

      for (const image of await articleImages(page)) {
        expect(new URL(image.src).origin, `${image.src} is on this site`).toBe(new URL(baseURL!).origin)
        expect(image.loaded, `${image.src} loads`).toBe(true)
      }

      const hrefs = await article.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
      for (const href of new Set(hrefs)) {
        if (href.startsWith('#')) {
          await expect(page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`), `the anchor ${href}`).toHaveCount(1)
        } else if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) {
          const target = new URL(href, new URL(url, baseURL))
          expect((await request.get(target.pathname)).status(), `the link ${href}`).toBe(200)
        }
      }
    })

    test('fits a 390 px phone and lists its sections under "On this page"', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(url)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      const headings = await page.getByRole('article').locator('.prose h2').allTextContents()
      if (headings.length < 2) return
      await page.setViewportSize({ width: 1280, height: 900 })
      const contents = page.getByRole('navigation', { name: 'On this page' })
      for (const heading of headings) await expect(contents.getByRole('link', { name: heading.trim(), exact: true })).toHaveCount(1)
    })
  })
}

test.describe('a pandas notebook', () => {
  const url = '/notes/e2e-wild-grouped-results'

  test('shows grouped columns as real header rows, numbers aligned right, and says a widget is not shown', async ({ page }) => {
    await page.goto(url)
    const outputs = page.getByRole('group', { name: 'Cell output' })
    const grouped = outputs.locator('table').filter({ has: page.locator('th[colspan="2"]') }).first()
    await expect(grouped).toBeVisible()
    // Each group label spans the columns under it, and the row under it names them.
    const headerRows = grouped.locator('thead tr')
    expect(await headerRows.count()).toBeGreaterThanOrEqual(2)
    const spans = await grouped.locator('thead th[colspan="2"]').allTextContents()
    expect(spans.map((text) => text.trim()).filter(Boolean).length).toBeGreaterThanOrEqual(2)
    const number = grouped.locator('tbody td').first()
    expect(await number.evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('right')
    // A column's name sits over its numbers, as in Jupyter.
    const columnName = grouped.locator('thead th:not([colspan])').filter({ hasText: /^\s*mean\s*$/ }).first()
    expect(await columnName.evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('right')
    // Index cells stay on one line (dates do not wrap as "2012-/10-03").
    expect(await grouped.locator('tbody th').first().evaluate((cell) => getComputedStyle(cell).whiteSpace)).toBe('nowrap')
    await expect(outputs.getByText('Interactive widget (not shown)')).toBeVisible()
  })

  test('a Jupyter-style anchor lands on its heading, from a link and from a URL', async ({ page }) => {
    await page.goto(url)
    const heading = page.getByRole('heading', { name: 'Summary by model' })
    await page.getByRole('link', { name: 'the next section' }).click()
    await expect(heading).toBeInViewport()
    await page.goto(`${url}#Summary-by-model`)
    await expect(heading).toBeInViewport()
  })
})

test.describe('a notebook with tracebacks', () => {
  const url = '/notes/e2e-wild-beyond-plain-python'

  for (const theme of ['light', 'dark'] as const) {
    test(`prints each traceback once, in colours readable in the ${theme} theme`, async ({ page }) => {
      await setTheme(page, theme)
      await page.goto(url)
      const traceback = page.locator('pre.ansi-output').filter({ hasText: 'ZeroDivisionError' }).first()
      await expect(traceback).toBeVisible()
      const text = (await traceback.textContent()) ?? ''
      const last = text.trim().split('\n').at(-1)!
      expect(last).toMatch(/^ZeroDivisionError/)
      expect(text.split(last).length - 1, 'the error line appears once').toBe(1)
      // Coloured as in Jupyter: the error name is not the text colour.
      const colours = await traceback.locator('span[class*="ansi-"]').evaluateAll((spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size)
      expect(colours).toBeGreaterThan(1)
      await expectNoSeriousAxeViolations(page)
    })
  }
})

test('a graphviz notebook shows its SVG graphs', async ({ page }) => {
  await page.goto('/notes/e2e-wild-graphviz')
  const images = await articleImages(page)
  expect(images.filter((image) => image.src.endsWith('.svg')).length).toBeGreaterThan(0)
  for (const image of images) expect(image.loaded, image.src).toBe(true)
})

test('a long unbreakable title in the next/previous card does not widen a phone page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(HOSTILE_NOTE.url)
  const previous = page.getByRole('navigation', { name: 'More notes' }).getByRole('link', { name: /Previous note/ })
  await expect(previous).toContainText('scaled_dot_product_attention')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
})
