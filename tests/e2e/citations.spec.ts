import { expect, test } from '@playwright/test'
import { authorPage } from './auth-helpers'
import { saveStatus, startNote, typeInBody, uniqueSlug } from './editor-helpers'

// tests/fixtures/content/notes/citing-sources.mdx, citing content/references.bib.
const NOTE = { url: '/notes/citing-sources', title: 'Reading list for GPU programming' }

test.describe('citations', () => {
  test('a reader sees author–date citations that link to their entry in the References', async ({ page }) => {
    await page.goto(NOTE.url)
    const article = page.locator('.prose')
    await expect(article.locator('.citation').first()).toHaveText('(Kirk & Hwu, 2016)', { useInnerText: true })
    await expect(article.locator('.citation').nth(1)).toHaveText('(Kirk & Hwu, 2016, Chapter 1)', { useInnerText: true })
    await expect(article.locator('.citation').nth(2)).toHaveText('(Nickolls et al., 2008, p. 40; NVIDIA Corporation, n.d.)', { useInnerText: true })
    await expect(article.locator('.citation').nth(3)).toHaveText('(see Chetlur et al., 2014; Paszke et al., 2019)', { useInnerText: true })
    // Code and math keep their brackets.
    await expect(article.locator('code', { hasText: '[@kirk2016]' })).toHaveCount(1)

    const references = page.getByRole('heading', { level: 2, name: 'References' })
    await expect(references).toBeVisible()
    const entries = article.locator('.references-list > li')
    await expect(entries).toHaveCount(5)
    await expect(entries.first()).toHaveText(/^Chetlur, S\., Woolley, C\./)

    await article.getByRole('link', { name: 'Kirk & Hwu, 2016, Chapter 1' }).click()
    await expect(page).toHaveURL(`${NOTE.url}#ref-kirk2016`)
    const entry = page.locator('#ref-kirk2016')
    await expect(entry).toBeInViewport()
    await expect(entry).toHaveText('Kirk, D. B., & Hwu, W. W. (2016). Programming Massively Parallel Processors: A Hands-on Approach (3rd ed.). Morgan Kaufmann.')
    await expect(entry.locator('i')).toHaveText('Programming Massively Parallel Processors: A Hands-on Approach')
  })

  test('each citation previews its entry on hover and on keyboard focus, and names it as its description', async ({ page }) => {
    await page.goto(NOTE.url)
    const link = page.locator('.prose').getByRole('link', { name: 'Paszke et al., 2019' })
    await expect(link).toHaveAccessibleDescription(/^Paszke, A\., Gross, S\., .* \(2019\)\. PyTorch: An Imperative Style/)
    const tooltip = page.getByRole('tooltip').filter({ hasText: 'PyTorch: An Imperative Style' })
    await expect(tooltip).toBeHidden()

    await link.hover()
    await expect(tooltip).toBeVisible()
    await page.mouse.move(0, 0)
    await expect(tooltip).toBeHidden()

    // Keyboard: Tab from the link before it lands on this one.
    await page.locator('.prose').getByRole('link', { name: 'Chetlur et al., 2014' }).focus()
    await page.keyboard.press('Tab')
    await expect(link).toBeFocused()
    await expect(tooltip).toBeVisible()
    await page.keyboard.press('Tab')
    await expect(tooltip).toBeHidden()
  })

  test('feeds carry the formatted citations and the bibliography', async ({ request }) => {
    const response = await request.get('/feed.json')
    expect(response.status()).toBe(200)
    const feed = (await response.json()) as { items: { title: string; content_html: string }[] }
    const html = feed.items.find((item) => item.title === NOTE.title)?.content_html ?? ''
    expect(html).toMatch(/\(<span class="citation-item"><a href="http[^"]*\/notes\/citing-sources#ref-kirk2016">Kirk &#x26; Hwu, 2016<\/a><\/span>\)/)
    expect(html).toContain('<h2>References</h2>')
    expect(html).toContain('<li id="ref-paszke2019">Paszke, A., Gross, S.')
    expect(html).not.toContain('role="tooltip"')
  })

  test('an author citing an unknown key sees a problem at its line, and the preview keeps the last good render', async ({ browser }) => {
    const { context, page } = await authorPage(browser)
    await startNote(page, 'Citing', 'GPUs are parallel [@kirk2016].', uniqueSlug('cite'))
    await expect(page.getByTestId('preview').locator('.citation')).toHaveText('(Kirk & Hwu, 2016)', { timeout: 15_000, useInnerText: true })
    await expect(page.getByTestId('preview').getByRole('heading', { name: 'References' })).toBeVisible()

    await typeInBody(page, '\n\nAnd so is this [@nobody1999, p. 3].')
    const problems = page.getByRole('alert').filter({ hasText: 'in the body, marked in the margin' })
    await expect(problems).toContainText('Line 3, column 16: Unknown citation key "@nobody1999": it is not in references.bib.')
    await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1)
    await expect(saveStatus(page)).toHaveText(/1 problem to fix before publishing/, { timeout: 15_000 })
    await context.close()
  })
})
