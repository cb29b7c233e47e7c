import { createHash } from 'node:crypto'
import { mkdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { readContainedFile } from '@/lib/security/contained-file'
import { trimEndChars } from '@/lib/text-trim.mjs'
import { writeFileAtomic } from './atomic-write'
import { slugFromTitle, validateSlug } from './slug'

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

type ImageType = { ext: string; matches: (bytes: Uint8Array) => boolean }

const startsWith = (bytes: Uint8Array, prefix: number[], offset = 0) => prefix.every((byte, i) => bytes[offset + i] === byte)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

// Recognised by their first bytes, never by the name or the type the browser claims.
const IMAGE_TYPES: ImageType[] = [
  { ext: 'png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { ext: 'jpg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { ext: 'gif', matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { ext: 'webp', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { ext: 'avif', matches: (b) => startsWith(b, ascii('ftypavif'), 4) || startsWith(b, ascii('ftypavis'), 4) },
]

export class ImageError extends Error {}

const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' }

// Exactly the names imageFileName makes: words, a 10-digit content hash, a known extension.
const STORED_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{10}\.(png|jpg|gif|webp|avif)$/

/**
 * An uploaded image as stored, for a server that started before it was uploaded (`next start`
 * serves only the public files it saw at startup). Null for any name the admin would not make.
 */
export async function readNoteImage(publicDir: string, slug: string, name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const match = STORED_NAME.exec(name)
  if (!match || !validateSlug(slug).ok) return null
  const bytes = await readContainedFile(path.join(publicDir, 'notes'), slug, name)
  return bytes && { bytes, contentType: CONTENT_TYPES[match[1]] }
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 4096)).toLowerCase().includes('<svg')
}

/** The image's type from its content, or an ImageError saying why it is refused. */
export function imageType(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ImageError('The file is empty.')
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new ImageError('The image is larger than 5 MB; resize or compress it first.')
  const type = IMAGE_TYPES.find((candidate) => candidate.matches(bytes))
  if (type) return type.ext
  if (looksLikeSvg(bytes)) throw new ImageError('SVG images are refused (they can carry scripts); export the figure as PNG or WebP.')
  throw new ImageError('That file is not a PNG, JPEG, GIF, WebP or AVIF image.')
}

/** A safe, stable file name: the original name's words, a content hash, the real extension. */
export function imageFileName(originalName: string, bytes: Uint8Array, ext: string): string {
  const base = trimEndChars(slugFromTitle(originalName.replace(/\.[^.]*$/, '')).slice(0, 40), '-') || 'image'
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10)
  return `${base}-${hash}.${ext}`
}

/** Alt text to start from: the file's words ("loss-curve.png" → "loss curve"); the author edits it. */
export const altFromName = (originalName: string) => slugFromTitle(originalName.replace(/\.[^.]*$/, '')).replace(/-/g, ' ') || 'image'

/** The public folder of the running site. */
export const sitePublicDir = () => path.join(/* turbopackIgnore: true */ process.cwd(), 'public')

/** Where a note's images are stored, in the public folder of the running site. */
export const noteImageDir = (slug: string, publicDir = sitePublicDir()) => path.join(publicDir, 'notes', slug)

/** Stores an uploaded image under `public/notes/<slug>/` and returns the Markdown that shows it. */
export async function saveNoteImage(publicDir: string, slug: string, originalName: string, bytes: Uint8Array) {
  const checked = validateSlug(slug)
  if (!checked.ok) throw new ImageError(checked.error)
  const ext = imageType(bytes)
  const name = imageFileName(originalName, bytes, ext)
  const root = path.join(await realpath(publicDir), 'notes')
  const dir = path.join(root, checked.slug)
  await mkdir(dir, { recursive: true })
  if ((await realpath(dir)) !== dir) throw new ImageError('The image folder is a link; refusing to follow it.')
  await writeFileAtomic(path.join(dir, name), bytes)
  const url = `/notes/${checked.slug}/${name}`
  return { url, markdown: `![${altFromName(originalName)}](${url})` }
}
