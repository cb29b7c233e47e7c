import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readNoteImage, saveNoteImage } from '@/lib/drafts/images'
import { encodeVariants, parseVariantName, variantName, variantWidths, writeVariants } from '@/lib/images/variants.mjs'
import { ImageError } from '@/lib/notes/image-type'
import { screenshotPng } from '@/scripts/lib/screenshot-png.mjs'

const KB = 1024
let screenshot: Buffer
let publicDir: string

beforeAll(async () => {
  // A 4000×3000 screenshot-like PNG (text rows, a chart, a noisy photo panel): about 4 MB.
  screenshot = await screenshotPng(4000, 3000)
  publicDir = mkdtempSync(path.join(tmpdir(), 'variants-'))
})
afterAll(() => rmSync(publicDir, { recursive: true, force: true }))

describe('variant widths and names', () => {
  it('never enlarges, and caps the largest at 1600 px', () => {
    expect(variantWidths(4000)).toEqual([480, 800, 1200, 1600])
    expect(variantWidths(1600)).toEqual([480, 800, 1200, 1600])
    expect(variantWidths(689)).toEqual([480, 689])
    expect(variantWidths(300)).toEqual([300])
    expect(variantWidths(5)).toEqual([])
  })

  it('names a variant after its original and reads the name back, only for widths a variant may have', () => {
    expect(variantName('loss-curve-0123456789.png', 480)).toBe('loss-curve-0123456789-480.webp')
    expect(parseVariantName('loss-curve-0123456789-480.webp')).toEqual({ stem: 'loss-curve-0123456789', width: 480 })
    for (const name of ['loss-curve-0123456789-1601.webp', 'loss-curve-0123456789-0480.webp', 'loss-curve-0123456789-480.png', 'loss-curve-0123456789-480.avif', 'loss-curve-0123456789.webp', 'x-9.webp']) {
      expect(parseVariantName(name), name).toBeNull()
    }
  })
})

describe('encoding variants', () => {
  it('turns a 4000×3000 PNG into WebP at each width; the phone-sized ones stay under 200 kB', async () => {
    const { width, height, variants } = await encodeVariants(screenshot)
    expect([width, height]).toEqual([4000, 3000])
    expect(variants.map((v) => v.width)).toEqual([480, 800, 1200, 1600])
    for (const variant of variants) {
      const meta = await sharp(variant.bytes).metadata()
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', variant.width, (variant.width * 3) / 4])
    }
    const bytes = Object.fromEntries(variants.map((v) => [v.width, v.bytes.length]))
    // A phone at 1x (480), 2x (800) and 3x (1200) for a full-width screenshot.
    expect(bytes[480]).toBeLessThanOrEqual(200 * KB)
    expect(bytes[800]).toBeLessThanOrEqual(200 * KB)
    expect(bytes[1200]).toBeLessThanOrEqual(200 * KB)
    expect(bytes[480]).toBeLessThan(screenshot.length / 50)
  })

  it('refuses what does not decode, and writes only the variants that are missing', async () => {
    const broken = Buffer.concat([screenshot.subarray(0, 64), Buffer.alloc(4096, 7)])
    await expect(encodeVariants(broken)).rejects.toThrow()
    const dir = mkdtempSync(path.join(tmpdir(), 'variants-write-'))
    const file = path.join(dir, 'plot-0123456789.png')
    writeFileSync(file, await sharp({ create: { width: 900, height: 300, channels: 3, background: '#369' } }).png().toBuffer())
    expect((await writeVariants(file)).map((f) => path.basename(f))).toEqual(['plot-0123456789-480.webp', 'plot-0123456789-800.webp', 'plot-0123456789-900.webp'])
    rmSync(path.join(dir, 'plot-0123456789-800.webp'))
    expect((await writeVariants(file)).map((f) => path.basename(f))).toEqual(['plot-0123456789-800.webp'])
    expect(await writeVariants(file)).toEqual([])
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('uploaded images', () => {
  it('stores the WebP variants beside the original and serves them by name', async () => {
    const saved = await saveNoteImage(publicDir, 'big-shot', 'Screenshot.png', screenshot)
    const name = path.basename(saved.url)
    for (const width of [480, 800, 1200, 1600]) expect(existsSync(path.join(publicDir, 'notes', 'big-shot', variantName(name, width)))).toBe(true)
    const variant = await readNoteImage(publicDir, 'big-shot', variantName(name, 480))
    expect(variant?.contentType).toBe('image/webp')
    expect((await sharp(variant!.bytes).metadata()).width).toBe(480)
    expect(variant!.bytes.length).toBeLessThanOrEqual(200 * KB)
  })

  it('serves no unknown variant, no variant without its original and no path outside the folder', async () => {
    const saved = await saveNoteImage(publicDir, 'checked', 'Screenshot.png', await sharp(screenshot).resize({ width: 1000 }).png().toBuffer())
    const name = path.basename(saved.url)
    const stem = name.replace(/\.png$/, '')
    expect(await readNoteImage(publicDir, 'checked', `${stem}-480.webp`)).not.toBeNull()
    // Not made (the original is 1000 px wide), or not a width a variant may have.
    for (const unknown of [`${stem}-1200.webp`, `${stem}-9999.webp`, `${stem}-0480.webp`, `${stem}-480.png`, `${stem}-480.avif`]) {
      expect(await readNoteImage(publicDir, 'checked', unknown), unknown).toBeNull()
    }
    // Traversal, in the name or the slug, raw or encoded.
    writeFileSync(path.join(publicDir, 'secret-0123456789-480.webp'), 'outside')
    for (const [slug, file] of [
      ['checked', '../secret-0123456789-480.webp'],
      ['checked', '..%2Fsecret-0123456789-480.webp'],
      ['..', 'secret-0123456789-480.webp'],
      ['checked/..', 'secret-0123456789-480.webp'],
      ['checked', `${stem}-480.webp/..`],
    ]) {
      expect(await readNoteImage(publicDir, slug, file), `${slug}/${file}`).toBeNull()
    }
    // A variant whose original is gone (or never was) is not served.
    const orphan = path.join(publicDir, 'notes', 'checked', 'orphan-0123456789-480.webp')
    writeFileSync(orphan, await sharp({ create: { width: 480, height: 10, channels: 3, background: '#000' } }).webp().toBuffer())
    expect(await readNoteImage(publicDir, 'checked', 'orphan-0123456789-480.webp')).toBeNull()
  })

  it('refuses an image that does not decode, writing nothing', async () => {
    const broken = Buffer.concat([screenshot.subarray(0, 64), Buffer.alloc(4096, 7)])
    await expect(saveNoteImage(publicDir, 'broken', 'x.png', broken)).rejects.toThrow(ImageError)
    expect(existsSync(path.join(publicDir, 'notes', 'broken')) && existsSync(path.join(publicDir, 'notes', 'broken', 'x.png'))).toBe(false)
  })

  it('keeps an animated-capable GIF as it is (no variants)', async () => {
    const gif = await sharp({ create: { width: 600, height: 200, channels: 3, background: '#c00' } }).gif().toBuffer()
    const saved = await saveNoteImage(publicDir, 'gif-note', 'anim.gif', gif)
    expect(saved.url).toMatch(/\.gif$/)
    expect(existsSync(path.join(publicDir, 'notes', 'gif-note', variantName(path.basename(saved.url), 480)))).toBe(false)
  })
})
