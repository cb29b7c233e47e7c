import { expect, test, type Page } from '@playwright/test'
import { longNote } from '../../scripts/bench-editor-note.mjs'
import { authorPage } from './auth-helpers'
import { authorHeaders, expectSaved, openDetails, preview, readNote, saveStatus, startNote, typeInBody, uniqueSlug } from './editor-helpers'

// The editor as an author meets it: writing first, actions always at hand, problems where they are.

const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().top + window.scrollY)

for (const viewport of [
  { width: 1400, height: 950, bodyTop: 320, bodyWidth: 560 },
  { width: 390, height: 844, bodyTop: 420, bodyWidth: 300 },
  { width: 320, height: 640, bodyTop: 460, bodyWidth: 225 },
]) {
  test(`at ${viewport.width} px the body starts near the top and Save/Publish stay in view while writing`, async ({ browser }) => {
    const { context, page } = await authorPage(browser)
    await page.setViewportSize(viewport)
    await page.goto('/admin/notes/cuda')
    expect(await top(page, '.cm-content')).toBeLessThan(viewport.bodyTop)
    expect((await page.locator('.cm-content').boundingBox())!.width).toBeGreaterThan(viewport.bodyWidth)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)

    await page.locator('.cm-content').click()
    await page.keyboard.press('ControlOrMeta+End')
    await page.mouse.wheel(0, 3000)
    // CUDA is published (its file has no draft line): Update and Unpublish.
    await expect(page.getByRole('button', { name: /^Update/ })).toBeInViewport()
    await expect(page.getByRole('button', { name: 'Unpublish' })).toBeInViewport()
    await expect(saveStatus(page)).toBeInViewport()

    // The notes list fits the same screen.
    await page.goto('/admin')
    await expect(page.getByRole('table', { name: /Notes/ })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
    await context.close()
  })
}

test('the body keeps the cursor while the preview and the autosave answer: one click, then just typing', async ({ browser }) => {
  test.setTimeout(60_000)
  const { context, page } = await authorPage(browser)
  const slug = uniqueSlug('typing')
  // A long note (5,000 words, 50 formulas, 20 code blocks), opened from the server as the author comes back to it.
  const headers = { ...(await authorHeaders(context)), 'content-type': 'application/json' }
  const created = await context.request.put(`/api/admin/notes/${slug}`, { headers, data: { version: null, note: { title: 'Typing', summary: '', tags: [], body: longNote() } } })
  expect(created.status()).toBe(200)
  await page.goto(`/admin/notes/${slug}`)
  await typeInBody(page, '\nFirst line.')
  const body = page.getByRole('textbox', { name: 'Body (Markdown and MDX)' })
  for (const word of [' second', ' third', ' fourth']) {
    await page.waitForTimeout(1_500) // past the preview's pause: its answer arrives while the author goes on
    await page.keyboard.insertText(word)
    await expect(body).toBeFocused()
  }
  await expectSaved(page)
  await page.keyboard.insertText(' fifth')
  await expect(body).toContainText('First line. second third fourth fifth')
  await expect(preview(page)).toContainText('First line. second third fourth fifth', { timeout: 20_000 })
  await context.close()
})

test('the format toolbar and its shortcuts write the Markdown these notes use', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  await startNote(page, `Formatting ${uniqueSlug('t')}`, 'Softmax')
  await page.keyboard.press('Shift+Home')
  await page.getByRole('button', { name: 'Bold' }).click()
  await page.keyboard.press('End')
  await page.keyboard.insertText(' of ')
  await page.keyboard.press('ControlOrMeta+m')
  await page.keyboard.insertText('z_i')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Display math' }).click()
  await page.keyboard.insertText('\\sigma(z)_i = e^{z_i}')
  const lines = await page.locator('.cm-line').allTextContents()
  expect(lines.join('\n')).toContain('**Softmax** of $z_i$\n\n$$\n\\sigma(z)_i = e^{z_i}\n$$')
  await expect(preview(page).locator('strong', { hasText: 'Softmax' })).toBeVisible()
  await expect(preview(page).locator('.katex-display')).toBeVisible()
  await context.close()
})

test('an unfinished formula: the draft is saved with it, the line is marked, the list jumps to it, publishing waits', async ({ browser }) => {
  // Publishing waits for the live rebuild, which under the suite's load can take most of a minute.
  test.setTimeout(90_000)
  const { context, page } = await authorPage(browser)
  const slug = uniqueSlug('unfinished')
  await startNote(page, 'Unfinished', 'Intro.\n\n$$\n\\frac{1}{\n$$\n\nMore text.\n', slug)
  await openDetails(page)
  await page.getByLabel('Summary').fill('A summary.')

  // Saved to the server all the same: another browser or machine gets it.
  await expect(saveStatus(page)).toHaveText(/^Saved .*1 problem to fix before publishing/, { timeout: 15_000 })
  expect(readNote(slug)).toContain('\\frac{1}{')

  const problems = page.getByRole('alert').filter({ hasText: 'in the body, marked in the margin' })
  await expect(problems).toHaveCount(1)
  await expect(problems).toContainText('A draft can be saved with it; fix it to publish.')
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1)
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1)
  await expect(page.getByText('The preview shows the last version without errors')).toBeVisible()

  await problems.getByRole('button', { name: /^Line 3/ }).click()
  await expect(page.getByRole('textbox', { name: 'Body (Markdown and MDX)' })).toBeFocused()
  expect(await page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('.cm-line')?.textContent)).toBe('$$')

  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText(/^Not published: The body has a problem; fix it to publish the note\./)).toBeVisible()
  expect(readNote(slug)).toContain('draft: true')

  // Fixed: the markers go, and it publishes.
  await page.locator('.cm-line', { hasText: '\\frac{1}{' }).click()
  await page.keyboard.press('End')
  await page.keyboard.insertText('2}')
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(0)
  await expect(problems).toHaveCount(0)
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText(`Published. It is live at /notes/${slug}.`)).toBeVisible({ timeout: 30_000 })
  await context.close()
})

test('focus mode leaves the title and the body; Escape brings the rest back', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  await page.goto('/admin/notes/cuda')
  await page.getByRole('button', { name: 'Focus' }).click()
  await expect(page.getByRole('button', { name: 'Focus' })).toHaveAttribute('aria-pressed', 'true')
  await expect(preview(page)).toBeHidden()
  await expect(page.getByRole('button', { name: 'Details', exact: true })).toBeHidden()
  // The editor covers the page: the site's header is under it.
  expect(await page.evaluate(() => document.elementFromPoint(20, 20)?.closest('header[role="banner"], header'))).toBeNull()
  await expect(page.locator('.cm-content')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Update/ })).toBeVisible()
  await page.locator('.cm-content').click()
  await page.keyboard.press('Escape')
  await expect(preview(page)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Focus' })).toHaveAttribute('aria-pressed', 'false')
  await context.close()
})

test('a publish refused for a field in Details opens the panel at that field', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  await startNote(page, `No summary yet ${uniqueSlug('t')}`, 'Body text.\n')
  await expectSaved(page)
  await expect(page.getByRole('complementary', { name: 'Details' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible()
  await expect(page.getByLabel('Summary')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#field-summary-error')).toHaveText('A published note needs a summary')
  await context.close()
})

test('on a phone, Write and Preview switch between the body and the rendered note', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  await page.setViewportSize({ width: 390, height: 844 })
  await startNote(page, `Phone note ${uniqueSlug('t')}`, 'Written on a phone with $x^2$.\n')
  await expect(preview(page)).toBeHidden()
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(preview(page).locator('.katex')).toBeVisible()
  await expect(page.locator('.cm-content')).toBeHidden()
  await page.getByRole('button', { name: 'Write' }).click()
  await typeInBody(page, 'More.\n')
  await expectSaved(page)
  await context.close()
})
