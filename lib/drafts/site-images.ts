import 'server-only'
import path from 'node:path'
import { settings } from '@/lib/settings'
import { validateSlug } from '@/lib/notes/slug'
import { isStoredImageName, noteImageDir, readImageIn, saveImageIn, saveNoteImage } from './images'
import { noteStore } from './store-instance'

/**
 * The note images of this site: under `public/notes/<slug>/` (committed with the next explicit
 * save), or with CONTENT_GIT_REMOTE in the content repository's clone (`images/<slug>/`, or
 * `public/notes/<slug>/` of the site's own repository), each upload a commit pushed at once, so
 * every instance serves it after its next pull.
 */
export const noteImagesRoot = () => settings().contentRemote?.imagesDir ?? path.join(settings().publicDir, 'notes')

/** The folder of one note's images, committed beside it. */
export const noteImageFolder = (slug: string) => (settings().contentRemote ? path.join(noteImagesRoot(), slug) : noteImageDir(slug))

export async function uploadNoteImage(slug: string, originalName: string, bytes: Uint8Array): Promise<{ url: string; markdown: string }> {
  if (!settings().contentRemote) return saveNoteImage(settings().publicDir, slug, originalName, bytes)
  const { url, markdown } = await noteStore().writeAndPush(slug, `Add image to note ${slug}`, async () => {
    const saved = await saveImageIn(noteImagesRoot(), slug, originalName, bytes)
    // The variants go in the same commit: every instance that has the image has them too.
    return { files: saved.files, result: { url: saved.url, markdown: saved.markdown } }
  })
  return { url, markdown }
}

/** At most one pull per this many ms for images this instance does not have (a guest may ask for any name). */
const MISS_PULL_MS = 2_000
let lastMissPull = 0

/** An image for readers; with a remote, one this clone lacks is looked for again after a pull. */
export async function readSiteNoteImage(slug: string, name: string) {
  const found = await readImageIn(noteImagesRoot(), slug, name)
  // Only a name the admin could have made is worth a pull (guests may ask for any).
  if (found || !settings().contentRemote || !isStoredImageName(name) || !validateSlug(slug).ok || Date.now() - lastMissPull < MISS_PULL_MS) return found
  lastMissPull = Date.now()
  // Readers get a 404, not an error page, while the remote is down or refuses us (the admin says why).
  const pulled = await noteStore()
    .refresh()
    .then(() => true, (error: Error) => (console.error(`Looking for a new image: ${error.message}`), false))
  return pulled ? readImageIn(noteImagesRoot(), slug, name) : null
}
