import { rmSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Browser } from '@playwright/test'
import { screenshotPng } from '../../scripts/lib/screenshot-png.mjs'
import { authorPage } from './auth-helpers'
import { expectSaved, readNote, startNote, uniqueSlug } from './editor-helpers'

const KB = 1024

/** What a phone-sized reader's page loads for the note's image, once scrolled to it. */
async function readOnPhone(browser: Browser, slug: string, deviceScaleFactor: number) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  const fetched: string[] = []
  page.on('request', (request) => request.url().includes(`/notes/${slug}/`) && fetched.push(new URL(request.url()).pathname))
  await page.goto(`/notes/${slug}`)
  const image = page.getByRole('img', { name: 'screenshot' })
  // Sized before it loads (nothing shifts), and lazy: far below the first screen, not fetched yet.
  await expect(image).toHaveAttribute('width', '4000')
  await expect(image).toHaveAttribute('height', '3000')
  await expect(image).toHaveAttribute('loading', 'lazy')
  await expect(image).toHaveAttribute('decoding', 'async')
  await page.waitForLoadState('load')
  expect(fetched).toEqual([])
  await image.scrollIntoViewIfNeeded()
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  const current = new URL(await image.evaluate((img: HTMLImageElement) => img.currentSrc)).pathname
  const box = await image.boundingBox()
  await context.close()
  return { current, fetched, box }
}

test('a pasted 4000×3000 screenshot reaches a phone as a sized, lazy WebP under 200 kB', async ({ browser }) => {
  test.setTimeout(120_000)
  const { context, page } = await authorPage(browser)
  const slug = uniqueSlug('variants')
  const folder = path.join(process.cwd(), 'public/notes', slug)
  try {
    // Enough text that the image is well past Chromium's lazy-loading distance on a phone.
    const intro = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} keeps the screenshot below the first screen of a phone.`).join('\n\n')
    await startNote(page, `Big screenshot ${slug}`, `${intro}\n\n`, slug)
    await page.getByLabel('Summary').fill('A big pasted screenshot.')
    await expectSaved(page)
    const png = (await screenshotPng(4000, 3000)).toString('base64')
    expect(png.length * 0.75).toBeGreaterThan(3 * 1024 * KB)
    await page.locator('.cm-content').evaluate((element, data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], 'Screenshot.png', { type: 'image/png' }))
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
    }, png)
    // The editor draws only the lines on screen: read what it saved.
    await expect.poll(() => readNote(slug), { timeout: 30_000 }).toMatch(new RegExp(`!\\[screenshot\\]\\(/notes/${slug}/screenshot-[0-9a-f]{10}\\.png\\)`))
    const [original] = readNote(slug).match(/screenshot-[0-9a-f]{10}\.png/)!
    const stem = original.replace(/\.png$/, '')
    await expectSaved(page)
    await page.getByRole('button', { name: 'Publish' }).click()
    await expect(page.getByText(`Published. It is live at /notes/${slug}.`)).toBeVisible({ timeout: 30_000 })

    // A phone at 1x gets the 480 px WebP, never the 4 MB original.
    const phone = await readOnPhone(browser, slug, 1)
    expect(phone.current).toBe(`/notes/${slug}/${stem}-480.webp`)
    expect(phone.fetched).not.toContain(`/notes/${slug}/${original}`)
    expect(phone.box!.width).toBeLessThanOrEqual(390)
    expect(Math.abs(phone.box!.height - (phone.box!.width * 3) / 4)).toBeLessThan(2)
    const variant = await page.request.get(phone.current)
    expect(variant.status()).toBe(200)
    expect(variant.headers()['content-type']).toBe('image/webp')
    expect(variant.headers()['x-content-type-options']).toBe('nosniff')
    expect(variant.headers()['content-security-policy']).toContain('sandbox')
    expect((await variant.body()).length).toBeLessThanOrEqual(200 * KB)

    // A 3x phone needs 1170 device pixels: the 1200 px variant, still under 200 kB.
    const sharp3x = await readOnPhone(browser, slug, 3)
    expect(sharp3x.current).toBe(`/notes/${slug}/${stem}-1200.webp`)
    expect((await (await page.request.get(sharp3x.current)).body()).length).toBeLessThanOrEqual(200 * KB)

    // Only variants of a stored image are served: no other width, no path out of the folder.
    for (const name of [`${stem}-1000.webp`, `${stem}-99999.webp`, `${stem}-480.png`, `orphan-0123456789-480.webp`]) {
      expect((await page.request.get(`/notes/${slug}/${name}`)).status(), name).toBe(404)
    }
    expect((await page.request.get(`/notes/${slug}/..%2F..%2Fpackage-480.webp`)).status()).not.toBe(200)
  } finally {
    rmSync(folder, { recursive: true, force: true })
    await context.close()
  }
})
