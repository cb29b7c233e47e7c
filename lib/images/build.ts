import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { STORED_IMAGE_NAME } from '@/lib/notes/image-name'
import { validateSlug } from '@/lib/notes/slug'
import { PUBLIC_DIR } from '@/lib/settings/defaults.mjs'
import type { ImageRoots } from './rehype-variants'
import { ensureVariants, hasVariants } from './variants.mjs'

/**
 * Where a content build finds note images: the site's `public/notes/`, or NOTE_IMAGES_DIR (a
 * content remote's clone, set by the live refresh), and notebook plots under `public/notebooks/`.
 */
export function buildImageRoots(env: Record<string, string | undefined> = process.env): ImageRoots & { shared: boolean } {
  const shared = Boolean(env.NOTE_IMAGES_DIR)
  return { notes: path.resolve(env.NOTE_IMAGES_DIR || path.join(PUBLIC_DIR, 'notes')), notebooks: path.resolve(PUBLIC_DIR, 'notebooks'), shared }
}

/** Every stored note image under `root` (`<slug>/<name>` as the admin names them) that gets variants. */
export function storedImageFiles(root: string): string[] {
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && validateSlug(entry.name).ok)
    .flatMap((entry) => readdirSync(path.join(root, entry.name)).filter((name) => STORED_IMAGE_NAME.test(name) && hasVariants(name)).map((name) => path.join(root, entry.name, name)))
}

/**
 * Makes the variants images in the content still lack (ones stored before variants existed,
 * notebook plots): nothing but a few stats when none is missing. A content remote's clone is left
 * alone: uploads commit their variants, and files made here would sit uncommitted in it.
 */
export async function ensureContentVariants(roots: ImageRoots & { shared: boolean }, notebookPlots: string[]) {
  const files = [...(roots.shared ? [] : storedImageFiles(roots.notes)), ...notebookPlots.filter((file) => hasVariants(file))]
  return ensureVariants(files)
}
