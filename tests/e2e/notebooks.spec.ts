import { rmSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { authorPage } from './auth-helpers'
import { preview } from './editor-helpers'
import { CANARY, CUDA_NOTE, DRAFT_TITLE, expectNoSeriousAxeViolations, FIXTURE_NOTE, HOSTILE_NOTE, isSuiteNote, NOTEBOOK_NOTE, SERIES_URL } from './fixtures'

const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures/notebooks', name)

test.describe('a Jupyter notebook as a note', () => {
  test('shows its code, text output, table and plot, hides tagged input, and offers the notebook', async ({ page, request }) => {
    await page.goto(NOTEBOOK_NOTE.url)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOTEBOOK_NOTE.title)
    const article = page.getByRole('article')
    await expect(article.locator('pre').filter({ hasText: 'def matmul_python(A, B):' })).toBeVisible()
    // Stored text output, in an output region.
    const outputs = page.getByRole('group', { name: 'Cell output' })
    await expect(outputs.filter({ hasText: 'Python triple loop     n=   64' })).toBeVisible()
    // The hide-input setup cell: its output is there, its code is not.
    await expect(outputs.filter({ hasText: 'Logical CPU cores' })).toBeVisible()
    await expect(article.locator('pre').filter({ hasText: 'import platform' })).toHaveCount(0)
    // The DataFrame's HTML table, as a table.
    const table = outputs.getByRole('table').first()
    await expect(table.getByRole('columnheader', { name: 'GFLOP/s' })).toBeVisible()
    // The plot: a static file (not base64), with the cell's alt text, that really loads.
    const plot = outputs.getByRole('img', { name: /log-log|time/i }).first()
    await expect(plot).toBeVisible()
    expect(await plot.getAttribute('src')).toMatch(/^\/notebooks\/matmul-cpu-vs-gpu\/cell-\d+-[0-9a-f]{10}\.png$/)
    // Below the fold it loads lazily: as a reader scrolls to it.
    await plot.scrollIntoViewIfNeeded()
    await expect.poll(() => plot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true)
    // Opened on its own, a notebook file may run nothing on this origin (an SVG plot could try).
    const plotFile = await request.get((await plot.getAttribute('src'))!)
    expect(plotFile.headers()['content-security-policy']).toBe("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox")
    // The original notebook, to download.
    const download = page.getByRole('link', { name: 'Download the Jupyter notebook (.ipynb)' })
    const notebook = await (await request.get((await download.getAttribute('href'))!)).json()
    expect(notebook.nbformat).toBe(4)
  })

  test('an \\eqref link jumps to its numbered equation', async ({ page }) => {
    await page.goto(NOTEBOOK_NOTE.url)
    const equation = page.locator('#eq-gflops')
    await expect(equation.locator('.katex-display .tag')).toHaveText('(1)')
    // The note refers to the equation twice; the last reference is far below it.
    const reference = page.locator('a.equation-ref[href="#eq-gflops"]').last()
    await expect(reference).toHaveText('(1)')
    await reference.scrollIntoViewIfNeeded()
    await expect(equation).not.toBeInViewport()
    await reference.click()
    await expect(page).toHaveURL(`${NOTEBOOK_NOTE.url}#eq-gflops`)
    await expect(equation).toBeInViewport()
  })

  for (const width of [320, 390, 1280]) {
    test(`an equation's number never overlaps its formula (${width} px wide)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 })
      await page.goto(NOTEBOOK_NOTE.url)
      const boxes = await page.locator('#eq-gflops .katex-html').evaluate((html) => {
        const box = (element: Element) => element.getBoundingClientRect()
        return { formula: [...html.querySelectorAll(':scope > .base')].map(box).map(({ left, right }) => ({ left, right })), tag: box(html.querySelector(':scope > .tag')!) }
      })
      expect(boxes.formula.length).toBeGreaterThan(0)
      for (const part of boxes.formula) expect(part.right, 'the number starts after the formula ends').toBeLessThanOrEqual(boxes.tag.left)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    })
  }
})

test.describe('learning paths', () => {
  test('a note shows its place in the series with a way on, and the overview lists the parts in order', async ({ page }) => {
    await page.goto(CUDA_NOTE.url)
    const series = page.getByRole('complementary', { name: /Series/ })
    await expect(series).toContainText('Part 1 of 3')
    await expect(series.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1')
    await series.getByRole('navigation', { name: 'Series' }).getByRole('link', { name: `Part 2: ${NOTEBOOK_NOTE.title} →` }).click()
    await expect(page).toHaveURL(NOTEBOOK_NOTE.url)
    await expect(page.getByRole('complementary', { name: /Series/ }).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2')

    await page.goto(SERIES_URL)
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
      `Part 1: ${CUDA_NOTE.title}`,
      `Part 2: ${NOTEBOOK_NOTE.title}`,
      `Part 3: ${FIXTURE_NOTE.title}`,
    ])
  })

  test('"Referenced by" lists the published notes that link here, never a draft', async ({ page }) => {
    await page.goto(CUDA_NOTE.url)
    const backlinks = page.getByRole('region', { name: 'Referenced by' })
    // The notebook and the hostile fixture link here; the draft canary does too, and must not show.
    // (A note the suite's live-publishing test publishes may link here meanwhile.)
    await expect(backlinks.getByRole('link').first()).toBeVisible()
    const links = await backlinks.getByRole('link').evaluateAll((all) => all.map((link) => ({ title: link.textContent, url: link.getAttribute('href') ?? '' })))
    expect(links.filter((link) => !isSuiteNote(link.url)).map((link) => link.title)).toEqual([NOTEBOOK_NOTE.title, HOSTILE_NOTE.title])
    await expect(page.locator('body')).not.toContainText(CANARY)
    await expect(page.locator('body')).not.toContainText(DRAFT_TITLE)
    await backlinks.getByRole('link', { name: NOTEBOOK_NOTE.title }).click()
    await expect(page).toHaveURL(NOTEBOOK_NOTE.url)
  })
})

test.describe('importing a notebook in the admin', () => {
  test('an uploaded notebook becomes a draft with its output and plot in the preview', async ({ browser }) => {
    const { context, page } = await authorPage(browser)
    await page.getByRole('link', { name: 'Import notebook' }).click()
    await page.getByLabel('Notebook (.ipynb)').setInputFiles(fixture('import-me.ipynb'))
    await page.getByRole('button', { name: 'Import as a draft' }).click()
    await expect(page).toHaveURL(/\/admin\/notes\/imported-notebook-fixture(-\d+)?$/)
    // The plot is stored with the note in this project's public/ folder: not left behind.
    const slug = new URL(page.url()).pathname.split('/').pop()!
    try {
      await expect(page.getByLabel('Title')).toHaveValue('Imported notebook fixture')
      await expect(preview(page).getByRole('group', { name: 'Cell output' })).toContainText('imported-output-4d2e')
      const plot = preview(page).getByRole('img', { name: 'Training loss falling over 10 epochs' })
      await expect(plot).toBeVisible()
      expect(await plot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
      await expect(preview(page).locator('a.equation-ref')).toHaveText('(1)')
    } finally {
      rmSync(path.join(process.cwd(), 'public/notes', slug), { recursive: true, force: true })
    }
    await context.close()
  })

  test('a notebook with bad LaTeX is refused with the cell and KaTeX’s message, and nothing is created', async ({ browser }) => {
    const { context, page } = await authorPage(browser)
    await page.goto('/admin/notes/import')
    await expectNoSeriousAxeViolations(page)
    await page.getByLabel('Notebook (.ipynb)').setInputFiles(fixture('bad-math.ipynb'))
    await page.getByRole('button', { name: 'Import as a draft' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'bad-math.ipynb' })).toContainText('bad-math.ipynb: cell 1, line 4: KaTeX: KaTeX parse error')
    await expect(page).toHaveURL(/\/admin\/notes\/import$/)
    await page.goto('/admin')
    await expect(page.getByRole('link', { name: 'Bad', exact: true })).toHaveCount(0)
    // Notebooks in the content folder are listed, as files edited outside the admin.
    const row = page.getByRole('row').filter({ hasText: NOTEBOOK_NOTE.title })
    await expect(row).toContainText('Notebook: edit .test-content/notes/matmul-cpu-vs-gpu.ipynb')
    await expect(row).toContainText('Published')
    await expect(row.getByRole('link', { name: NOTEBOOK_NOTE.title })).toHaveCount(0)
    await context.close()
  })
})
