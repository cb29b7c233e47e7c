import { expect, test } from '@playwright/test'
import { CANARY, CUDA_NOTE, HOSTILE_NOTE, PUBLIC_PAGES } from './fixtures'
import { xmlErrors } from './feed-tools'

const SITE = 'http://localhost:3000'

test('every page announces the three site feeds in its head', async ({ page }) => {
  for (const path of PUBLIC_PAGES) {
    await page.goto(path)
    for (const [type, href] of [
      ['application/rss+xml', '/feed.xml'],
      ['application/atom+xml', '/atom.xml'],
      ['application/feed+json', '/feed.json'],
    ]) {
      await expect(page.locator(`head link[rel="alternate"][type="${type}"][href="${SITE}${href}"]`), `${path} ${type}`).toHaveCount(1)
    }
  }
})

test('a tag page also announces, and links to, its own feeds', async ({ page }) => {
  await page.goto('/tags/gpu')
  await expect(page.locator('head link[rel="alternate"][href$="/tags/gpu/feed.xml"]')).toHaveCount(1)
  await page.getByRole('link', { name: 'Atom' }).click()
  await expect(page).toHaveURL('/tags/gpu/atom.xml')
})

test('the footer leads to a subscribe page that explains the feeds', async ({ page }) => {
  await page.goto('/notes')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Subscribe by RSS' }).click()
  await expect(page).toHaveURL('/subscribe')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subscribe')
  const everyNote = page.getByRole('region', { name: 'Every note' })
  await expect(everyNote.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/feed.xml')
  await expect(everyNote.getByLabel(/Feed address/)).toHaveValue(`${SITE}/feed.xml`)
})

test('the subscribe page copies the feed address for a reader', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/subscribe')
  await page.getByRole('region', { name: 'Every note' }).getByRole('button', { name: 'Copy' }).click()
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}/feed.xml`)
})

test('the sitemap lists published pages with their dates, and never the draft', async ({ request }) => {
  const response = await request.get('/sitemap.xml')
  expect(response.status()).toBe(200)
  const xml = await response.text()
  expect(xmlErrors(xml)).toBe('')
  expect(xml).toContain(`<loc>${SITE}${CUDA_NOTE.url}</loc>`)
  expect(xml).toMatch(new RegExp(`<loc>${SITE}/notes/softmax-and-kernels</loc>\\s*<lastmod>2021-02-01`))
  for (const path of ['/', '/notes', '/tags/cuda', '/series/understanding-fundamentals-of-pytorch', HOSTILE_NOTE.url]) {
    expect(xml).toContain(`<loc>${SITE}${path}</loc>`)
  }
  expect(xml).not.toContain(CANARY)
  expect(xml).not.toContain('draft-canary')
})

test('robots.txt keeps crawlers out of the admin area and points at the sitemap', async ({ request }) => {
  const text = await (await request.get('/robots.txt')).text()
  expect(text).toContain('Disallow: /admin')
  expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml`)
})

test('a note has a canonical URL, Open Graph article tags, a Twitter card and BlogPosting JSON-LD', async ({ page }) => {
  await page.goto(CUDA_NOTE.url)
  const meta = (selector: string) => page.locator(`head ${selector}`).first()
  await expect(meta('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}${CUDA_NOTE.url}`)
  await expect(meta('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await expect(meta('meta[property="og:title"]')).toHaveAttribute('content', 'CUDA')
  await expect(meta('meta[property="article:published_time"]')).toHaveAttribute('content', /^2020-12-01/)
  await expect(meta('meta[name="twitter:card"]')).toHaveAttribute('content', /summary/)
  await expect(meta('meta[name="description"]')).toHaveAttribute('content', /What a GPU is/)

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(ld).toMatchObject({ '@type': 'BlogPosting', headline: 'CUDA', datePublished: '2020-12-01T00:00:00.000Z' })
  expect(ld.author).toMatchObject({ '@type': 'Person', name: 'Arun Kumar RN' })
})

test('JSON-LD cannot be broken out of by a hostile title', async ({ page, request }) => {
  const html = await (await request.get(HOSTILE_NOTE.url)).text()
  const ldScript = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]
  expect(ldScript).not.toContain('<')
  await page.goto(HOSTILE_NOTE.url)
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(ld.headline).toBe(HOSTILE_NOTE.title)
})

test('the profile has Person JSON-LD', async ({ page }) => {
  await page.goto('/')
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(ld).toMatchObject({ '@type': 'Person', name: 'Arun Kumar RN', jobTitle: 'Data Scientist', worksFor: { name: 'Enquero' } })
})
