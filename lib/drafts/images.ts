import 'server-only'
import { mkdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { ImageError, imageType } from '@/lib/notes/image-type'
import { validateSlug } from '@/lib/notes/slug'
import { readContainedFile } from '@/lib/security/contained-file'
import { settings } from '@/lib/settings'
import { writeFileAtomic } from './atomic-write'
import { altFromName, imageFileName, STORED_IMAGE_NAME } from '@/lib/notes/image-name'

const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' }

/**
 * An uploaded image as stored, for a server that started before it was uploaded (`next start`
 * serves only the public files it saw at startup). Null for any name the admin would not make.
 */
export async function readNoteImage(publicDir: string, slug: string, name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  return readImageIn(path.join(publicDir, 'notes'), slug, name)
}

/** An image stored as `<root>/<slug>/<name>`, or null. */
export async function readImageIn(imagesRoot: string, slug: string, name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const match = STORED_IMAGE_NAME.exec(name)
  if (!match || !validateSlug(slug).ok) return null
  const bytes = await readContainedFile(imagesRoot, slug, name)
  return bytes && { bytes, contentType: CONTENT_TYPES[match[1]] }
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

/** Stores an uploaded image as `<root>/<slug>/<name>`; `file` is where it went. */
export async function saveImageIn(imagesRoot: string, slug: string, originalName: string, bytes: Uint8Array) {
  const checked = validateSlug(slug)
  if (!checked.ok) throw new ImageError(checked.error)
  const ext = imageType(bytes)
  const name = imageFileName(originalName, bytes, ext)
  await mkdir(imagesRoot, { recursive: true })
  const root = await realpath(imagesRoot)
  const dir = path.join(root, checked.slug)
  await mkdir(dir, { recursive: true })
  if ((await realpath(dir)) !== dir) throw new ImageError('The image folder is a link; refusing to follow it.')
  await writeFileAtomic(path.join(dir, name), bytes)
  const url = `/notes/${checked.slug}/${name}`
  return { url, markdown: `![${altFromName(originalName)}](${url})`, file: path.join(dir, name) }
}
