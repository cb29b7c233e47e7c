import 'server-only'
import { mkdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { ImageError, imageType } from '@/lib/notes/image-type'
import { validateSlug } from '@/lib/notes/slug'
import { containedFileExists, readContainedFile } from '@/lib/security/contained-file'
import { settings } from '@/lib/settings'
import { writeFileAtomic } from './atomic-write'
import { encodeVariants, hasVariants, parseVariantName, VARIANT_SOURCE_EXTENSIONS, variantName } from '@/lib/images/variants.mjs'
import { altFromName, imageFileName, STORED_IMAGE_NAME } from '@/lib/notes/image-name'

const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' }

/**
 * An uploaded image as stored, for a server that started before it was uploaded (`next start`
 * serves only the public files it saw at startup). Null for any name the admin would not make.
 */
export async function readNoteImage(publicDir: string, slug: string, name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  return readImageIn(path.join(publicDir, 'notes'), slug, name)
}

/** Whether `name` is a stored image's name or one of its variants' (the names worth looking for). */
export const isStoredImageName = (name: string) => STORED_IMAGE_NAME.test(name) || variantSources(name).length > 0

/** The names the original of a variant name could have (none: not a variant of a stored image). */
function variantSources(name: string): string[] {
  const variant = parseVariantName(name)
  if (!variant) return []
  return VARIANT_SOURCE_EXTENSIONS.map((ext) => `${variant.stem}.${ext}`).filter((original) => STORED_IMAGE_NAME.test(original) && variantName(original, variant.width) === name)
}

/**
 * An image stored as `<root>/<slug>/<name>`, or a variant of one (`<stem>-<width>.webp`, only
 * while its original is there), or null.
 */
export async function readImageIn(imagesRoot: string, slug: string, name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (!validateSlug(slug).ok) return null
  const match = STORED_IMAGE_NAME.exec(name)
  if (match) {
    const bytes = await readContainedFile(imagesRoot, slug, name)
    return bytes && { bytes, contentType: CONTENT_TYPES[match[1]] }
  }
  const sources = variantSources(name)
  if (sources.length === 0) return null
  const originals = await Promise.all(sources.map((original) => containedFileExists(imagesRoot, slug, original)))
  if (!originals.includes(true)) return null
  const bytes = await readContainedFile(imagesRoot, slug, name)
  return bytes && { bytes, contentType: 'image/webp' }
}

/** The public folder of the running site. */
export const sitePublicDir = () => settings().publicDir

/** Where a note's images are stored, in the public folder of the running site. */
export const noteImageDir = (slug: string, publicDir = sitePublicDir()) => path.join(publicDir, 'notes', slug)

/** Stores an uploaded image under `public/notes/<slug>/` and returns the Markdown that shows it. */
export async function saveNoteImage(publicDir: string, slug: string, originalName: string, bytes: Uint8Array) {
  const { url, markdown } = await saveImageIn(path.join(await realpath(publicDir), 'notes'), slug, originalName, bytes)
  return { url, markdown }
}

/** The WebP variants of an upload, made before anything is written: an image that does not decode is refused. */
async function variantsOf(bytes: Uint8Array, name: string) {
  if (!hasVariants(name)) return []
  try {
    return (await encodeVariants(bytes)).variants
  } catch (error) {
    const tooBig = /pixel limit/i.test((error as Error).message)
    throw new ImageError(tooBig ? 'The image has more than 64 million pixels; scale it down first.' : 'The image cannot be read; it may be damaged. Export it again.')
  }
}

/**
 * Stores an uploaded image as `<root>/<slug>/<name>` with its WebP variants beside it (made once,
 * here, so no reader's request ever resizes). `file` is where it went, `files` all that was written.
 */
export async function saveImageIn(imagesRoot: string, slug: string, originalName: string, bytes: Uint8Array) {
  const checked = validateSlug(slug)
  if (!checked.ok) throw new ImageError(checked.error)
  const ext = imageType(bytes)
  const name = imageFileName(originalName, bytes, ext)
  const variants = await variantsOf(bytes, name)
  await mkdir(imagesRoot, { recursive: true })
  const root = await realpath(imagesRoot)
  const dir = path.join(root, checked.slug)
  await mkdir(dir, { recursive: true })
  if ((await realpath(dir)) !== dir) throw new ImageError('The image folder is a link; refusing to follow it.')
  const files = [path.join(dir, name)]
  // Variants first: a reader who gets the note's new version finds them all.
  for (const variant of variants) {
    files.push(path.join(dir, variantName(name, variant.width)))
    await writeFileAtomic(files[files.length - 1], variant.bytes)
  }
  await writeFileAtomic(path.join(dir, name), bytes)
  const url = `/notes/${checked.slug}/${name}`
  return { url, markdown: `![${altFromName(originalName)}](${url})`, file: path.join(dir, name), files }
}
