import { expect, test, type Page } from '@playwright/test'
import { CUDA_NOTE, FIXTURE_NOTE, HOSTILE_NOTE } from './fixtures'

// The suite's build has no SITE_URL: absolute addresses use the default (lib/settings/defaults.mjs).
const SITE = 'http://localhost:3000'
// tests/fixtures/content/notes/softmax-and-kernels.mdx
const FIXTURE_DOI = '10.5555/softmax-and-kernels.2021'

const FIXTURE_APA = `RN, A. K. (2021, February 1). ${FIXTURE_NOTE.title}. https://doi.org/${FIXTURE_DOI}`
const FIXTURE_BIBTEX = [
  '@misc{rn2021softmax-and-kernels,',
  '  author = {RN, Arun Kumar},',
  `  title  = {{${FIXTURE_NOTE.title}}},`,
  '  year   = {2021},',
  '  month  = jan,',
  `  url    = {${SITE}${FIXTURE_NOTE.url}},`,
  `  doi    = {${FIXTURE_DOI}},`,
  '  note   = {Learning note, last updated 2021-02-01}',
  '}',
].join('\n')

const HOSTILE_APA = `RN, A. K. (2019, June 1). ${HOSTILE_NOTE.title}. ${SITE}${HOSTILE_NOTE.url}`
const HOSTILE_BIBTEX = [
  '@misc{rn2019hostile-title,',
  '  author = {RN, Arun Kumar},',
  '  title  = {{Tom \\& Jerry \\textless{}script\\textgreater{}alert(1)\\textless{}/script\\textgreater{} "quotes" ]]\\textgreater{} 🚀 Ωμέγα 日本語}},',
  '  year   = {2019},',
  '  month  = jun,',
  `  url    = {${SITE}${HOSTILE_NOTE.url}},`,
  '  note   = {Learning note}',
  '}',
].join('\n')

const citeBox = (page: Page) => page.getByRole('region', { name: 'Cite this note' })
const textOf = async (page: Page, id: string) => citeBox(page).locator(`#${id}`).textContent()
const meta = (page: Page, name: string) => page.locator(`head meta[name="${name}"]`)

test.describe('cite this note', () => {
  test('a note offers APA and BibTeX references, exactly as formatted', async ({ page }) => {
    await page.goto(FIXTURE_NOTE.url)
    const box = citeBox(page)
    await expect(box.getByRole('heading', { level: 2, name: 'Cite this note' })).toBeVisible()
    await expect(box.getByRole('heading', { level: 3 })).toHaveText(['APA (7th edition)', 'BibTeX'])
    expect(await textOf(page, 'cite-apa-text')).toBe(FIXTURE_APA)
    expect(await textOf(page, 'cite-bibtex-text')).toBe(FIXTURE_BIBTEX)
  })

  test('the copy buttons put the exact text on the clipboard, by mouse and by keyboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(FIXTURE_NOTE.url)
    const box = citeBox(page)

    await box.getByRole('button', { name: 'Copy APA reference' }).click()
    await expect(box.getByRole('button', { name: 'Copied APA reference' })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FIXTURE_APA)

    // The next stop after the APA button, with a visible focus ring.
    await page.keyboard.press('Tab')
    const bibtex = box.getByRole('button', { name: 'Copy BibTeX entry' })
    await expect(bibtex).toBeFocused()
    expect(await bibtex.evaluate((button) => getComputedStyle(button).outlineStyle)).not.toBe('none')
    await page.keyboard.press('Enter')
    await expect(box.getByRole('button', { name: 'Copied BibTeX entry' })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FIXTURE_BIBTEX)
  })

  test('titles with markup and LaTeX characters are escaped in BibTeX and shown as text', async ({ page, context }) => {
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(HOSTILE_NOTE.url)
    expect(await textOf(page, 'cite-apa-text')).toBe(HOSTILE_APA)
    expect(await textOf(page, 'cite-bibtex-text')).toBe(HOSTILE_BIBTEX)
    await citeBox(page).getByRole('button', { name: 'Copy BibTeX entry' }).click()
    await expect(citeBox(page).getByRole('button', { name: 'Copied BibTeX entry' })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(HOSTILE_BIBTEX)
    expect(dialogs).toEqual([])
  })

  test('a note with a DOI links it, and puts it in the JSON-LD', async ({ page }) => {
    await page.goto(FIXTURE_NOTE.url)
    const link = citeBox(page).getByRole('link', { name: `https://doi.org/${FIXTURE_DOI}` })
    await expect(link).toHaveAttribute('href', `https://doi.org/${FIXTURE_DOI}`)

    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents()
    const posting = jsonLd.map((text) => JSON.parse(text)).find((data) => data['@type'] === 'BlogPosting')
    expect(posting.sameAs).toBe(`https://doi.org/${FIXTURE_DOI}`)
    expect(posting.identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'DOI', value: FIXTURE_DOI })
  })

  test('a note without a DOI shows no DOI link, and cites its own address', async ({ page }) => {
    await page.goto(CUDA_NOTE.url)
    await expect(citeBox(page)).toBeVisible()
    await expect(citeBox(page).getByRole('link')).toHaveCount(0)
    expect(await textOf(page, 'cite-apa-text')).toMatch(new RegExp(`^RN, A\\. K\\. \\(\\d{4}, \\w+ \\d{1,2}\\)\\. CUDA\\. ${SITE}/notes/cuda$`))
    expect(await textOf(page, 'cite-bibtex-text')).toMatch(/^@misc\{rn2020cuda,\n/)
    await expect(meta(page, 'citation_doi')).toHaveCount(0)
  })

  test('Google Scholar meta tags name the title, the author and the publication date', async ({ page }) => {
    await page.goto(FIXTURE_NOTE.url)
    await expect(meta(page, 'citation_title')).toHaveAttribute('content', FIXTURE_NOTE.title)
    await expect(meta(page, 'citation_author')).toHaveAttribute('content', 'RN, Arun Kumar')
    await expect(meta(page, 'citation_publication_date')).toHaveAttribute('content', '2021/01/15')
    await expect(meta(page, 'citation_doi')).toHaveAttribute('content', FIXTURE_DOI)

    await page.goto(HOSTILE_NOTE.url)
    await expect(meta(page, 'citation_title')).toHaveAttribute('content', HOSTILE_NOTE.title)
    await expect(meta(page, 'citation_publication_date')).toHaveAttribute('content', '2019/06/01')
    for (const name of ['citation_title', 'citation_author', 'citation_publication_date']) await expect(meta(page, name)).toHaveCount(1)
  })

  test('the notes list carries no citation tags', async ({ page }) => {
    await page.goto('/notes')
    await expect(page.locator('meta[name^="citation_"]')).toHaveCount(0)
    await expect(citeBox(page)).toHaveCount(0)
  })
})

test.describe('cite this note without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the references are in the page as text a reader can select', async ({ page }) => {
    await page.goto(FIXTURE_NOTE.url)
    await expect(citeBox(page)).toBeVisible()
    expect(await textOf(page, 'cite-apa-text')).toBe(FIXTURE_APA)
    expect(await textOf(page, 'cite-bibtex-text')).toBe(FIXTURE_BIBTEX)
    await expect(citeBox(page).locator('#cite-bibtex-text')).not.toHaveCSS('user-select', 'none')
    await expect(citeBox(page).getByRole('link', { name: `https://doi.org/${FIXTURE_DOI}` })).toBeVisible()
  })
})
