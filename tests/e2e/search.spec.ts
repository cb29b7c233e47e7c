import { expect, test } from '@playwright/test'
import { CANARY, DRAFT_TITLE, FIXTURE_NOTE } from './fixtures'
import { searchFilePaths, searchIndexText } from './search-files'

test('Ctrl+K searches code identifiers and opens the note at the heading that matched', async ({ page }) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  await page.goto('/notes/cuda')
  await expect(page.getByRole('heading', { level: 1, name: 'CUDA' })).toBeVisible()
  // Nothing of search is loaded before it is opened.
  expect(requested.filter((path) => path.startsWith('/search-index'))).toEqual([])

  const dialog = page.getByRole('dialog', { name: 'Search notes' })
  const input = dialog.getByRole('combobox', { name: 'Search notes' })
  // The page is readable before its script runs; the shortcut works once it has (on a busy machine, later).
  await expect(async () => {
    await page.keyboard.press('ControlOrMeta+k')
    await expect(dialog).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await expect(input).toBeFocused()
  await input.fill('torch.cuda.is_available')
  // The notebook note uses the identifier too; walk the results with the arrow keys to this one.
  const options = dialog.getByRole('option')
  const wanted = options.filter({ hasText: `${FIXTURE_NOTE.title} › Code` })
  await expect(wanted).toHaveCount(1)
  await expect(wanted.locator('mark').first()).toBeVisible()
  const index = (await options.allTextContents()).findIndex((text) => text.includes(`${FIXTURE_NOTE.title} › Code`))
  for (let step = 0; step < index; step += 1) await page.keyboard.press('ArrowDown')
  await expect(wanted).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`${FIXTURE_NOTE.url}#code`)
  await expect(page.getByRole('heading', { level: 2, name: 'Code' })).toBeInViewport()
  // The manifest once, then only some of the term shards (each once), and the results' notes.
  expect(requested.filter((path) => path === '/search-index.json')).toHaveLength(1)
  const manifest = await (await page.request.get('/search-index.json')).json()
  const shards = requested.filter((path) => path.startsWith(`/search-index/${manifest.version}/terms/`))
  expect(shards.length).toBeGreaterThan(0)
  expect(new Set(shards).size).toBe(shards.length)
  if (manifest.keys.length > 3) expect(shards.length).toBeLessThan(manifest.keys.length)
  expect(requested.filter((path) => path.startsWith(`/search-index/${manifest.version}/notes/`)).length).toBeGreaterThan(0)
})

test('the Search button finds a word of the body; arrows move, Escape closes', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: /^Search/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Search notes' })
  await dialog.getByRole('combobox').fill('branching')
  const option = dialog.getByRole('option').filter({ hasText: 'Comparison table' })
  await expect(option).toBeVisible()
  await expect(option.locator('mark')).toHaveText(['branching'])
  await dialog.getByRole('combobox').fill('kernel')
  await expect(dialog.getByRole('option').nth(1)).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await expect(dialog.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await page.getByRole('link', { name: /^Search/ }).click()
  await dialog.getByRole('combobox').fill('branching')
  await option.click()
  await expect(page).toHaveURL(`${FIXTURE_NOTE.url}#comparison-table`)
})

test('/search works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/search?q=blockIdx')
  const results = page.getByRole('main').getByRole('listitem')
  await expect(results.first().getByRole('link')).toHaveAttribute('href', `${FIXTURE_NOTE.url}#code`)
  await expect(results.first().locator('mark').first()).toHaveText(/blockIdx/i)
  await page.getByRole('searchbox', { name: 'Search the notes' }).fill('nothing-matches-this')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL('/search?q=nothing-matches-this')
  await expect(page.getByRole('status')).toHaveText('No notes match “nothing-matches-this”.')
  await context.close()
})

test('the search index holds published notes only', async ({ request }) => {
  const { text: index } = await searchIndexText(request)
  expect(index).toContain('softmax')
  expect(index).not.toContain(CANARY)
  expect(index).not.toContain(DRAFT_TITLE)
  const page = await (await request.get(`/search?q=${CANARY}`)).text()
  expect(page).toContain('No notes match')
})

test('index files are kept for good at their versioned address; another version is a 404 nothing keeps', async ({ request }) => {
  const manifest = await request.get('/search-index.json')
  expect(manifest.headers()['cache-control']).toBe('public, max-age=0, must-revalidate')
  const [shard] = searchFilePaths(await manifest.json())
  const file = await request.get(shard)
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toContain('application/json')
  expect(file.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  const stale = await request.get(shard.replace(/^\/search-index\/[^/]+\//, '/search-index/not-this-version/'))
  expect(stale.status()).toBe(404)
  expect(stale.headers()['cache-control']).toBe('no-store')
})
