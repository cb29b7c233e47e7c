import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousAxeViolations, setTheme } from './fixtures'

// tests/fixtures/content/notes/footnotes-in-the-margin.mdx: notes 1 (a link), 2 (math), 3 (paragraphs,
// code and a list), then note 1 referenced again; a wide table and a code block between them.
const NOTE_URL = '/notes/footnotes-in-the-margin'
const WIDE = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

const body = (page: Page) => page.locator('article .prose')
const marks = (page: Page) => body(page).locator('label.sidenote-mark')
const notes = (page: Page) => body(page).locator('.sidenote')

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  expect(found, 'the element is laid out').not.toBeNull()
  return found!
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test.describe('sidenotes on a wide screen', () => {
  test.use({ viewport: WIDE })

  test('each note sits in the margin level with its reference, numbered as it, none overlapping', async ({ page }) => {
    await page.goto(NOTE_URL)
    await expect(marks(page)).toHaveText(['1', '2', '3', '1'])
    await expect(notes(page)).toHaveText([/^Footnote 1 The host continues/, /^Footnote 2 With m/, /^Footnote 3 Events measure device time/, /^Footnote 1 The host continues/])
    const column = await box(body(page))
    const placed = []
    for (let i = 0; i < 4; i++) {
      const note = notes(page).nth(i)
      await expect(note).toBeVisible()
      const [mark, noteBox] = [await box(marks(page).nth(i)), await box(note)]
      expect(noteBox.x, 'right of the text column').toBeGreaterThanOrEqual(column.x + column.width + 16)
      expect(noteBox.x + noteBox.width, 'inside the window').toBeLessThanOrEqual(WIDE.width)
      placed.push({ mark, note: noteBox })
    }
    // Notes 1 and 2 are paragraphs apart: each starts on its reference's line.
    for (const { mark, note } of placed.slice(0, 2)) expect(Math.abs(note.y - mark.y)).toBeLessThan(16)
    // A note never starts above its reference; one that follows a long note waits below it.
    for (const { mark, note } of placed) expect(note.y).toBeGreaterThanOrEqual(mark.y - 16)
    for (let i = 1; i < placed.length; i++) expect(placed[i].note.y).toBeGreaterThanOrEqual(placed[i - 1].note.y + placed[i - 1].note.height)

    // The wide table and the code block stay in the text column, clear of the notes.
    for (const block of [body(page).locator('.table-scroll'), body(page).locator('pre').first()]) {
      const blockBox = await box(block)
      expect(blockBox.x + blockBox.width).toBeLessThanOrEqual(column.x + column.width + 1)
    }
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
  })

  test('notes hold working links and math; the toggles are gone and the list at the end is hidden, each note read once', async ({ page }) => {
    await page.goto(NOTE_URL)
    const link = notes(page).first().getByRole('link', { name: 'CUDA programming guide' })
    await expect(link).toBeVisible()
    await expect(link).toHaveAttribute('href', 'https://docs.nvidia.com/cuda/cuda-c-programming-guide/')
    await expect(notes(page).nth(1).locator('.katex').first()).toBeVisible()
    await expect(notes(page).nth(2).locator('code', { hasText: 'torch.cuda.synchronize()' })).toBeVisible()
    await expect(notes(page).nth(2).getByRole('listitem')).toHaveText(['warm the kernel up first;', 'repeat it and take the median.'])
    await expect(page.getByRole('checkbox', { name: /^Footnote/ })).toHaveCount(0)
    // Still in the page for print and readers without CSS.
    await expect(page.locator('section[data-footnotes]')).toBeHidden()
    await expect(page.locator('section[data-footnotes] > ol > li')).toHaveCount(3)
  })
})

test.describe('sidenotes on a phone', () => {
  test.use({ viewport: PHONE })

  test('a note is hidden until its number is tapped, then shown in place inside the column', async ({ page }) => {
    await page.goto(NOTE_URL)
    const [mark, note] = [marks(page).first(), notes(page).first()]
    await expect(note).toBeHidden()
    await mark.click()
    await expect(note).toBeVisible()
    await expect(note).toContainText('The host continues until it synchronises with the device')
    const [column, markBox, noteBox] = [await box(body(page)), await box(mark), await box(note)]
    expect(noteBox.y, 'under the line of its reference').toBeGreaterThan(markBox.y)
    expect(noteBox.x).toBeGreaterThanOrEqual(column.x - 1)
    expect(noteBox.x + noteBox.width).toBeLessThanOrEqual(column.x + column.width + 1)
    await mark.click()
    await expect(note).toBeHidden()
  })

  test('the keyboard opens and closes a note, with the focus shown on its number', async ({ page }) => {
    await page.goto(NOTE_URL)
    const toggle = page.getByRole('checkbox', { name: 'Footnote 2' })
    const note = notes(page).nth(1)
    let reached = false
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await toggle.evaluate((element) => element === document.activeElement)
    }
    expect(reached, 'Tab reaches the toggle of note 2').toBe(true)
    await expect(marks(page).nth(1)).not.toHaveCSS('outline-style', 'none')
    await expect(note).toBeHidden()
    await page.keyboard.press('Space')
    await expect(toggle).toBeChecked()
    await expect(note).toBeVisible()
    await expect(note.locator('.katex').first()).toBeVisible()
    await page.keyboard.press('Space')
    await expect(note).toBeHidden()
  })

  test('every note open at once still fits the phone, and the list at the end is shown', async ({ page }) => {
    await page.goto(NOTE_URL)
    for (const mark of await marks(page).all()) await mark.click()
    for (const note of await notes(page).all()) await expect(note).toBeVisible()
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
    const list = page.locator('section[data-footnotes]')
    await expect(list).toBeVisible()
    await expect(list.locator(':scope > ol > li')).toHaveCount(3)
    await expect(list.locator(':scope > ol > li').first()).toContainText('The host continues')
  })
})

for (const theme of ['light', 'dark'] as const) {
  test(`a note with sidenotes has no serious axe violations, wide and on a phone with notes open (${theme} theme)`, async ({ page }) => {
    await setTheme(page, theme)
    await page.setViewportSize(WIDE)
    await page.goto(NOTE_URL)
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
    await expect(notes(page).first()).toBeVisible()
    await expectNoSeriousAxeViolations(page)

    await page.setViewportSize(PHONE)
    await marks(page).first().click()
    await marks(page).nth(2).click()
    await expect(notes(page).nth(2)).toBeVisible()
    await expectNoSeriousAxeViolations(page)
  })
}
