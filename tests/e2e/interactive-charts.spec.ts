import { expect, test, type Locator, type Page } from '@playwright/test'
import { NOTEBOOK_NOTE, setTheme } from './fixtures'

// tests/fixtures/content/notes/interactive-charts.ipynb: a Plotly output (with a PNG) far below
// the fold, then a Vega-Lite output (no image) far below that.
const CHART_NOTE = { url: '/notes/interactive-charts', title: 'Interactive charts in a notebook' }
const PLOTLY_LABEL = 'Training loss falling from 2.31 to 0.58 over five epochs'
const VEGA_FALLBACK = 'Interactive chart: Accuracy per epoch (needs JavaScript)'
const PLOTLY_LIBRARY = /\/charts\/plotly-strict-[\d.]+\.min\.js$/
const VEGA_LIBRARIES = [/\/charts\/vega-[\d.]+\.min\.js$/, /\/charts\/vega-lite-[\d.]+\.min\.js$/, /\/charts\/vega-embed-[\d.]+\.min\.js$/]
const CHART_SPEC = /\/notebooks\/[a-z0-9-]+\/cell-\d+-[0-9a-f]+\.json$/

/** Every URL the page requests, and every CSP violation or error it reports, from the first byte. */
async function watch(page: Page) {
  const requested: string[] = []
  const problems: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`))
  })
  const loaded = (pattern: RegExp) => requested.some((path) => pattern.test(path))
  return { requested, problems, loaded }
}

/** Moves the mouse to the middle of a chart mark, as a reader pointing at it. */
async function pointAt(page: Page, mark: Locator) {
  const box = await mark.boundingBox()
  expect(box, 'the mark has a place on the page').not.toBeNull()
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2)
}

test.describe('interactive notebook charts', () => {
  test('load their library only when scrolled into view, draw, show tooltips, and break no CSP rule', async ({ page }) => {
    const { problems, loaded } = await watch(page)
    await page.goto(CHART_NOTE.url)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHART_NOTE.title)
    await page.waitForLoadState('networkidle')
    // Nothing of either chart before the reader gets near it: neither library nor spec.
    expect(loaded(PLOTLY_LIBRARY)).toBe(false)
    expect(VEGA_LIBRARIES.some(loaded)).toBe(false)
    expect(loaded(CHART_SPEC)).toBe(false)

    const plotly = page.locator('[data-chart="plotly"]')
    const fallbackImage = plotly.locator(`img[alt="${PLOTLY_LABEL}"]`)
    await expect(fallbackImage).toBeVisible()
    await plotly.scrollIntoViewIfNeeded()
    await expect(plotly).toHaveAttribute('data-state', 'drawn')
    expect(loaded(PLOTLY_LIBRARY)).toBe(true)
    // The Vega-Lite chart is still far below: its libraries wait.
    expect(VEGA_LIBRARIES.some(loaded)).toBe(false)
    // Drawn: the plot's points replace the fallback image.
    const points = plotly.locator('.scatterlayer .point')
    await expect(points).toHaveCount(5)
    await expect(fallbackImage).toBeHidden()
    // The drawn chart carries the same description for screen readers.
    await expect(plotly.getByRole('img', { name: PLOTLY_LABEL })).toHaveCount(1)
    await expect(plotly.locator('div[role="img"]')).toHaveAttribute('aria-label', PLOTLY_LABEL)

    // Hover: Plotly's label shows the point, and the HTML in the hover template stays text.
    await pointAt(page, points.nth(2))
    const label = plotly.locator('.hoverlayer .hovertext')
    await expect(label).toBeVisible()
    await expect(label).toContainText('epoch 3: loss 0.97')
    await expect(label).toContainText('<img src=x onerror=')
    await expect(plotly.locator('img')).toHaveCount(1) // only the hidden fallback
    expect(await page.title()).not.toBe('hover-html-ran')

    const vega = page.locator('[data-chart="vega-lite"]')
    await expect(vega.getByText(VEGA_FALLBACK)).toBeVisible()
    await vega.scrollIntoViewIfNeeded()
    await expect(vega).toHaveAttribute('data-state', 'drawn')
    for (const library of VEGA_LIBRARIES) expect(loaded(library)).toBe(true)
    const symbols = vega.locator('svg .mark-symbol.role-mark path')
    await expect(symbols).toHaveCount(5)
    await expect(vega.getByText(VEGA_FALLBACK)).toBeHidden()
    // Hover: vega-tooltip's box with the point's fields.
    await pointAt(page, symbols.nth(3))
    const tooltip = page.locator('#vg-tooltip-element')
    await expect(tooltip).toHaveClass(/visible/)
    await expect(tooltip).toContainText('accuracy')
    await expect(tooltip).toContainText('0.81')

    expect(problems).toEqual([])
  })

  test('follow the dark theme', async ({ page }) => {
    await setTheme(page, 'dark')
    await page.goto(CHART_NOTE.url)
    const plotly = page.locator('[data-chart="plotly"]')
    await plotly.scrollIntoViewIfNeeded()
    await expect(plotly).toHaveAttribute('data-state', 'drawn')
    const background = () => plotly.locator('svg.main-svg').first().evaluate((svg) => getComputedStyle(svg).backgroundColor)
    await expect.poll(background).toBe('rgb(24, 24, 27)')
    // Toggled back to light, the chart is redrawn in the figure's own colours.
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await expect.poll(background).toBe('rgb(255, 255, 255)')
  })

  test('show their fallback to a reader without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    await page.goto(CHART_NOTE.url)
    const plotly = page.locator('[data-chart="plotly"]')
    const image = plotly.locator(`img[alt="${PLOTLY_LABEL}"]`)
    await image.scrollIntoViewIfNeeded()
    await expect(image).toBeVisible()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await page.getByText(VEGA_FALLBACK).scrollIntoViewIfNeeded()
    await expect(page.getByText(VEGA_FALLBACK)).toBeVisible()
    await expect(page.locator('svg.main-svg, .vega-embed')).toHaveCount(0)
    expect(requested.filter((path) => CHART_SPEC.test(path) || path.startsWith('/charts/'))).toEqual([])
    await context.close()
  })

  test('reach feeds as their fallback, never as chart JSON', async ({ request }) => {
    const feed = await (await request.get('/feed.json')).json()
    const item = (feed.items as Array<{ title: string; content_html: string }>).find((entry) => entry.title === CHART_NOTE.title)!
    expect(item.content_html).toMatch(/<img src="http:\/\/localhost:3000\/notebooks\/interactive-charts\/cell-\d+-[0-9a-f]{10}\.png" alt="Training loss falling from 2\.31 to 0\.58 over five epochs">/)
    expect(item.content_html).toContain(VEGA_FALLBACK)
    expect(item.content_html).not.toMatch(/\.json|hovertemplate|"mark"|<script/)
  })

  test('the example notebook draws its timing chart once it is reached', async ({ page }) => {
    const { problems, loaded } = await watch(page)
    await page.goto(NOTEBOOK_NOTE.url)
    await page.waitForLoadState('networkidle')
    expect(VEGA_LIBRARIES.some(loaded)).toBe(false)
    const chart = page.locator('[data-chart="vega-lite"]')
    await chart.scrollIntoViewIfNeeded()
    await expect(chart).toHaveAttribute('data-state', 'drawn')
    // Fifteen measurements: three Python sizes, six NumPy, six PyTorch.
    await expect(chart.locator('svg .mark-symbol.role-mark path')).toHaveCount(15)
    await expect(chart.getByRole('img', { name: /Log-log line chart of the best wall-clock time/ })).toBeVisible()
    expect(problems).toEqual([])
  })

  test('library files are cached for good and only the listed ones are served', async ({ request }) => {
    const library = await request.get('/charts/vega-embed-7.3.0.min.js')
    expect(library.status()).toBe(200)
    expect(library.headers()['content-type']).toBe('text/javascript; charset=utf-8')
    expect(library.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const path of ['/charts/package.json', '/charts/..%2Fpackage.json', '/charts/vega-embed.min.js']) {
      expect((await request.get(path)).status(), path).toBe(404)
    }
  })
})
