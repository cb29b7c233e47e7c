import { expect, test } from '@playwright/test'
import { newClient, signInAsAuthor } from './auth-helpers'
import { bodyText, expectSaved, gitLog, preview, readNote, saveStatus, startNote, typeInBody, uniqueSlug } from './editor-helpers'

test('a new note autosaves as a draft and is intact after a reload; the preview renders math and code', async ({ browser }) => {
  const context = await newClient(browser)
  const page = await context.newPage()
  await signInAsAuthor(page)
  await page.getByRole('link', { name: 'New note' }).first().click()
  await expect(page.getByRole('heading', { name: 'New note' })).toBeVisible()

  const title = `Autosave ${uniqueSlug('t')}`
  await page.getByLabel('Title').fill(title)
  const slug = await page.getByLabel('Slug').inputValue()
  expect(slug).toMatch(/^autosave-e2e-t-/)
  await typeInBody(page, 'Softmax is $\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}$.\n\n```python\nimport torch\nprint(torch.cuda.is_available())\n```\n')

  // Autosave: no button pressed.
  await expectSaved(page)
  await expect(page).toHaveURL(`/admin/notes/${slug}`)
  expect(readNote(slug)).toContain('draft: true')
  expect(readNote(slug)).toContain('torch.cuda.is_available()')

  await expect(preview(page).locator('.katex').first()).toBeVisible()
  await expect(preview(page).getByRole('heading', { level: 1, name: title })).toBeVisible()
  // Shiki colours each token at build time: highlighted code is many styled spans.
  await expect(preview(page).locator('pre code span[style]').first()).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Title')).toHaveValue(title)
  expect(await bodyText(page)).toContain('print(torch.cuda.is_available())')
  await expect(saveStatus(page)).toHaveText('All changes saved')
  await context.close()
})

test('saving records a revision; publishing sets draft: false and a date; history shows and restores revisions', async ({ browser }) => {
  const context = await newClient(browser)
  const page = await context.newPage()
  await signInAsAuthor(page)
  const slug = uniqueSlug('publish')
  await startNote(page, 'Publishing flow', 'First version of the body.\n', slug)
  await page.getByLabel('Summary').fill('How publishing works.')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(saveStatus(page)).toHaveText(/revision recorded/)

  await typeInBody(page, '\nSecond paragraph.\n')
  await page.getByRole('button', { name: /^Save/ }).click()
  await expect(saveStatus(page)).toHaveText(/revision recorded/)
  expect(readNote(slug)).toContain('Second paragraph.')

  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText(/Published, awaiting deploy/)).toBeVisible()
  const file = readNote(slug)
  expect(file).toContain('draft: false')
  expect(file).toMatch(/date: "\d{4}-\d{2}-\d{2}"/)
  expect(gitLog(slug)[0]).toBe(`Publish note ${slug}`)
  await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible()

  await page.getByRole('link', { name: 'History' }).click()
  const revisions = page.getByRole('region', { name: /Revisions/ }).getByRole('listitem')
  await expect(revisions).toHaveCount(gitLog(slug).length)
  await expect(revisions.first()).toContainText(`Publish note ${slug}`)
  await expect(page.getByTestId('revision-diff')).toContainText('+ draft: false')

  // Back to the first saved version (before "Second paragraph").
  const first = revisions.filter({ hasText: `Create note ${slug}` })
  await first.getByRole('link').click()
  await expect(page.getByTestId('revision-diff')).toContainText('+ First version of the body.')
  await first.getByRole('button', { name: 'Restore this version' }).click()
  await expect(page).toHaveURL(`/admin/notes/${slug}`)
  await expect.poll(() => bodyText(page)).not.toContain('Second paragraph.')
  expect(readNote(slug)).not.toContain('Second paragraph.')
  // Restoring keeps the note published, and is itself a revision.
  expect(readNote(slug)).toContain('draft: false')
  expect(gitLog(slug)[0]).toMatch(new RegExp(`^Restore note ${slug} to [0-9a-f]{7}$`))
  await context.close()
})
