// Smaller copies of a stored image, made once (at upload, notebook import or content build) and
// written next to it as `<stem>-<width>.webp`, so no request ever resizes anything. Plain
// JavaScript: Contentlayer's config, the notebook build and scripts/ load it outside Next.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'

/**
 * Widths a variant may have, for a column at most 720 CSS px wide: 480 for a phone at 1x, 800 for
 * a phone at 2x (or the column at 1x), 1200 for a phone at 3x, 1600 for the column at 2x.
 */
export const VARIANT_WIDTHS = [480, 800, 1200, 1600]
export const MAX_VARIANT_WIDTH = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]
/** WebP at this quality: a 4000×3000 screenshot's 480 px copy is about 25 kB (scripts/bench-images.mjs). */
export const WEBP_QUALITY = 75
/**
 * Images with more pixels get no variants (and an upload is refused): a 5 MB PNG can hold a
 * 16k×16k image, a gigabyte once decoded. 5801×6237 (36 Mpx, a real notebook plot) fits.
 */
export const MAX_PIXELS = 64_000_000

// GIFs may be animated and a variant would keep one frame; SVG and AVIF are served as they are.
const RESIZABLE = /\.(png|jpg|webp)$/
const VARIANT = /^(.{1,120})-([1-9][0-9]{1,3})\.webp$/

/** The extensions a variant's original may have. */
export const VARIANT_SOURCE_EXTENSIONS = ['png', 'jpg', 'webp']

/** Whether `name` is an original that gets variants. */
export const hasVariants = (/** @type {string} */ name) => RESIZABLE.test(name)

/** `loss-abc.png` at 480 → `loss-abc-480.webp`. */
export function variantName(/** @type {string} */ original, /** @type {number} */ width) {
  return `${original.replace(RESIZABLE, '')}-${width}.webp`
}

/**
 * The stem and width a variant name says, or null: only widths variantWidths could give. The caller
 * checks that `<stem>.<png|jpg|webp>` is an original it would serve.
 * @param {string} name
 * @returns {{ stem: string, width: number } | null}
 */
export function parseVariantName(name) {
  const match = VARIANT.exec(name)
  if (!match) return null
  const width = Number(match[2])
  return width <= MAX_VARIANT_WIDTH ? { stem: match[1], width } : null
}

/** The variant widths of an image `width` px wide: the standard ones below it, and its own up to the cap. */
export function variantWidths(/** @type {number} */ width) {
  const widths = VARIANT_WIDTHS.filter((candidate) => candidate < width)
  if (width >= 10 && width <= MAX_VARIANT_WIDTH) widths.push(width)
  return widths
}

/**
 * The width and height the image shows at (after its EXIF orientation), or null if it cannot be read.
 * @param {string | Buffer} input a file or its bytes
 * @returns {Promise<{ width: number, height: number } | null>}
 */
export async function imageSize(input) {
  try {
    const meta = await sharp(input, { limitInputPixels: false }).metadata()
    const width = meta.autoOrient?.width ?? meta.width
    const height = meta.autoOrient?.height ?? meta.height
    return width && height ? { width, height } : null
  } catch {
    return null
  }
}

/**
 * The WebP variants of an image, encoded in memory; throws if the image cannot be decoded or has
 * more than MAX_PIXELS pixels.
 * @param {Buffer | Uint8Array} bytes
 * @param {number[]} [skip] widths not to make (they exist already)
 * @returns {Promise<{ width: number, height: number, variants: { width: number, bytes: Buffer }[] }>}
 */
export async function encodeVariants(bytes, skip = []) {
  const size = await imageSize(Buffer.from(bytes))
  if (!size) throw new Error('the image cannot be read')
  const widths = variantWidths(size.width).filter((w) => !skip.includes(w))
  if (widths.length === 0) return { ...size, variants: [] }
  // Decoded once and scaled to the widest variant; the others are made from that (a 36 Mpx PNG
  // decoded for each width took four times as long).
  const widest = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .autoOrient()
    .resize({ width: Math.max(...widths), withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const { width: rawWidth, height: rawHeight, channels } = widest.info
  const variants = []
  for (const width of widths) {
    // One at a time: libvips already uses every core it may for one encode, and the machine is shared.
    const out = await sharp(widest.data, { raw: { width: rawWidth, height: rawHeight, channels } })
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer()
    variants.push({ width, bytes: out })
  }
  return { ...size, variants }
}

/** Writes a file whole (a temporary name, then a rename), so a reader never sees half a variant. */
async function writeWhole(/** @type {string} */ file, /** @type {Buffer} */ bytes) {
  // Named as lib/drafts/atomic-write.ts names its temporary files, so the same clean-up finds it.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, bytes)
    await rename(temp, file)
  } finally {
    await rm(temp, { force: true })
  }
}

/**
 * Writes the variants of `file` that are missing, next to it; returns the files written. Does
 * nothing (no decode) when all exist, so a build can call it for every image each time.
 * @param {string} file
 * @param {Buffer | Uint8Array} [bytes] the file's content, when the caller has it
 * @returns {Promise<string[]>}
 */
export async function writeVariants(file, bytes) {
  const name = path.basename(file)
  if (!hasVariants(name)) return []
  const size = await imageSize(bytes ? Buffer.from(bytes) : file)
  if (!size) return []
  const existing = variantWidths(size.width).filter((width) => existsSync(path.join(path.dirname(file), variantName(name, width))))
  if (existing.length === variantWidths(size.width).length) return []
  const { variants } = await encodeVariants(bytes ?? (await readFile(file)), existing)
  const written = []
  for (const variant of variants) {
    const target = path.join(path.dirname(file), variantName(name, variant.width))
    await writeWhole(target, variant.bytes)
    written.push(target)
  }
  return written
}

/**
 * Makes the missing variants of every file given, one after another; an image that cannot be
 * decoded is reported and left without variants (it is still served as it is).
 * @param {string[]} files
 */
export async function ensureVariants(files) {
  let made = 0
  for (const file of files) {
    try {
      made += (await writeVariants(file)).length
    } catch (error) {
      console.warn(`No smaller copies of ${file}: ${/** @type {Error} */ (error).message}`)
    }
  }
  return made
}
