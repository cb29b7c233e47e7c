import { createHash } from 'node:crypto'
import { slugFromTitle } from '@/lib/notes/slug'
import { trimEndChars } from '@/lib/text-trim.mjs'

// No 'server-only': the notebook import worker names its plots with imageFileName.

/** Exactly the names imageFileName makes: words, a 10-digit content hash, a known extension. */
export const STORED_IMAGE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{10}\.(png|jpg|gif|webp|avif)$/

/** A safe, stable file name: the original name's words, a content hash, the real extension. */
export function imageFileName(originalName: string, bytes: Uint8Array, ext: string): string {
  const base = trimEndChars(slugFromTitle(originalName.replace(/\.[^.]*$/, '')).slice(0, 40), '-') || 'image'
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10)
  return `${base}-${hash}.${ext}`
}

/** Alt text to start from: the file's words ("loss-curve.png" → "loss curve"); the author edits it. */
export const altFromName = (originalName: string) => slugFromTitle(originalName.replace(/\.[^.]*$/, '')).replace(/-/g, ' ') || 'image'
