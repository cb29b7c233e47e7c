import { expect, test } from '@playwright/test'
import { CUDA_NOTE, fixtureCardTitles, FIXTURE_NOTE, HOSTILE_NOTE, NOTEBOOK_NOTE, PUBLISHED_TITLES, SERIES_URL } from './fixtures'

test.describe('reading notes', () => {
  test('the notes list shows every published note, newest first, with date, reading time, summary and tags', async ({ page }) => {
    await page.goto('/notes')
    await expect(page).toHaveTitle('Notes · Arun Kumar RN')
    const cards = page.getByRole('article')
    await expect(cards.first()).toBeVisible()
    expect(await fixtureCardTitles(page.getByRole('main'), 2)).toEqual(PUBLISHED_TITLES)
    const cuda = cards.filter({ hasText: 'What a GPU is, why deep learning runs on it' })
    await expect(cuda.locator('time')).toHaveAttribute('datetime', '2020-12-01')
    await expect(cuda).toContainText('1 December 2020')
    await expect(cuda).toContainText('min read')
    await expect(cuda.getByRole('link', { name: 'CUDA', exact: true }).last()).toHaveAttribute('href', '/tags/cuda')
  })

  test('a reader goes from the list to a note', async ({ page }) => {
    await page.goto('/notes')
    await page.getByRole('heading', { level: 2, name: CUDA_NOTE.title, exact: true }).getByRole('link').click()
    await expect(page).toHaveURL(CUDA_NOTE.url)
    await expect(page).toHaveTitle('CUDA · Arun Kumar RN')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('CUDA')
    await expect(page.getByText('To understand CUDA, we need to understand what a GPU is.')).toBeVisible()
  })

  test('the CUDA note shows its two figures as accessible diagrams with captions', async ({ page }) => {
    await page.goto(CUDA_NOTE.url)
    const parallel = page.getByRole('figure').filter({ hasText: 'Serial versus parallel processing' })
    await expect(parallel.getByRole('img', { name: 'Serial versus parallel execution of 6 tasks' })).toBeVisible()

    const flow = page.getByRole('figure').filter({ hasText: 'The architecture flow' })
    await expect(flow.getByRole('listitem')).toHaveText([/Hardware\s*GPU/, /Software\s*CUDA/, /Library\s*cuDNN/, /Framework\s*PyTorch/])
    await expect(flow.locator('figcaption')).toBeVisible()
  })

  test('the table of contents links to each heading', async ({ page }) => {
    await page.goto(CUDA_NOTE.url)
    const toc = page.getByRole('navigation', { name: 'On this page' })
    await expect(toc.getByRole('link')).toHaveText(['What a GPU is', 'Why deep learning runs on GPUs', 'Where CUDA fits'])
    await toc.getByRole('link', { name: 'Where CUDA fits' }).click()
    await expect(page).toHaveURL(`${CUDA_NOTE.url}#where-cuda-fits`)
    await expect(page.getByRole('heading', { name: 'Where CUDA fits' })).toBeInViewport()
  })

  test('a note shows its series with every part, and links to older and newer notes', async ({ page }) => {
    await page.goto(CUDA_NOTE.url)
    const series = page.getByRole('complementary', { name: /Series/ })
    await expect(series).toContainText('Understanding fundamentals of PyTorch')
    await expect(series).toContainText('Part 1 of 3')
    await expect(series.getByRole('listitem')).toHaveText([CUDA_NOTE.title, NOTEBOOK_NOTE.title, FIXTURE_NOTE.title])

    const pager = page.getByRole('navigation', { name: 'More notes' })
    await pager.getByRole('link', { name: /Next note/ }).click()
    await expect(page).toHaveURL(FIXTURE_NOTE.url)
    await expect(page.getByRole('navigation', { name: 'More notes' }).getByRole('link', { name: /Previous note/ })).toHaveAttribute('href', CUDA_NOTE.url)
  })

  test('math, code, tables, footnotes and task lists render at build time', async ({ page, request }) => {
    const html = await (await request.get(FIXTURE_NOTE.url)).text()
    // Rendered on the server: KaTeX markup with MathML, Shiki colours, no client highlighter.
    expect(html).toContain('class="katex"')
    expect(html).toContain('<math')
    expect(html).toContain('class="sl-')

    await page.goto(FIXTURE_NOTE.url)
    await expect(page.locator('.katex-display')).toHaveCount(1)
    expect(await page.locator('.katex').count()).toBeGreaterThanOrEqual(3)
    await expect(page.getByText('Updated 1 February 2021')).toBeVisible()

    const code = page.locator('pre').filter({ hasText: 'torch.cuda.is_available()' })
    await expect(code).toBeVisible()
    // Highlighted in the light theme's keyword red, not the block's text colour.
    const keyword = code.locator('span', { hasText: /^import$/ }).first()
    await expect(keyword).toHaveCSS('color', 'rgb(207, 34, 46)')

    await expect(page.getByRole('table')).toContainText('data-parallel work')
    await expect(page.getByRole('checkbox')).toHaveCount(2)
    await expect(page.getByRole('checkbox').first()).toBeChecked()
    await expect(page.locator('section[data-footnotes]')).toContainText('The host continues')
  })

  test('the copy button copies a code block', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(FIXTURE_NOTE.url)
    const block = page.locator('[data-code-block]').filter({ has: page.locator('pre', { hasText: '__global__' }) })
    await block.getByRole('button', { name: /Copy/ }).click()
    await expect(block.getByRole('button', { name: /Copied/ })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('__global__ void add(int n')
  })

  test('tag pages list the notes with that tag', async ({ page }) => {
    await page.goto(CUDA_NOTE.url)
    await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'GPU' }).click()
    await expect(page).toHaveURL('/tags/gpu')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes tagged “GPU”')
    await expect(page.getByRole('article').getByRole('heading')).toHaveText([NOTEBOOK_NOTE.title, CUDA_NOTE.title])

    await page.goto('/tags')
    await expect(page.getByRole('link', { name: /^PyTorch \(3\)$/ })).toBeVisible()
  })

  test('titles, summaries and tags with markup characters are shown as written, never run', async ({ page }) => {
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(HOSTILE_NOTE.url)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_NOTE.title)
    await expect(page).toHaveTitle(`${HOSTILE_NOTE.title} · Arun Kumar RN`)
    await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: HOSTILE_NOTE.tag }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Notes tagged “${HOSTILE_NOTE.tag}”`)
    await expect(page.getByText(HOSTILE_NOTE.summary)).toBeVisible()
    expect(dialogs).toEqual([])
  })

  test('the series page lists its parts in order', async ({ page }) => {
    await page.goto('/series')
    await page.getByRole('link', { name: 'Understanding fundamentals of PyTorch' }).click()
    await expect(page).toHaveURL(SERIES_URL)
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([`Part 1: ${CUDA_NOTE.title}`, `Part 2: ${NOTEBOOK_NOTE.title}`, `Part 3: ${FIXTURE_NOTE.title}`])
  })
})
