import 'server-only'
import path from 'node:path'
import { parseVariantName } from '@/lib/images/variants.mjs'
import { validateSlug } from '@/lib/notes/slug'
import { readContainedFile } from '@/lib/security/contained-file'

// What a build writes under public/notebooks/<slug>/: plots and chart specs named by content hash, and the notebook.
const SERVED_NAME = /^(?:cell-\d{1,5}-[0-9a-f]{6,64}\.(png|jpg|gif|webp|avif|svg|json)|[a-z0-9-]{1,80}\.(ipynb))$/
// Their smaller copies, made at build (lib/images/variants.mjs): `cell-3-<hash>-480.webp`.
const PLOT_VARIANT = /^cell-\d{1,5}-[0-9a-f]{6,64}-[1-9][0-9]{1,3}\.webp$/

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  json: 'application/json',
  ipynb: 'application/x-ipynb+json',
}

/**
 * A file a notebook note's page links to, for files written after the server started (a live
 * refresh): `next start` serves only the public files it found at startup. Null for any name a
 * build would not write, or a path that leaves the folder.
 */
export async function readNotebookFile(publicDir: string, slug: string, name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (!validateSlug(slug).ok) return null
  const match = SERVED_NAME.exec(name)
  const variant = !match && PLOT_VARIANT.test(name) ? parseVariantName(name) : null
  if (!match && !variant) return null
  const bytes = await readContainedFile(path.join(publicDir, 'notebooks'), slug, name)
  return bytes && { bytes, contentType: match ? CONTENT_TYPES[match[1] ?? match[2]] : 'image/webp' }
}
