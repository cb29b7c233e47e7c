import 'server-only'
import { EditorError, saveNote } from '@/lib/drafts/service'
import { imageFileName, noteImageDir, saveNoteImage } from '@/lib/drafts/images'
import { slugFromTitle, validateSlug } from '@/lib/drafts/slug'
import type { NoteStore } from '@/lib/drafts/store'
import { noteStore } from '@/lib/drafts/store-instance'
import { NotebookError, parseNotebook } from './notebook'
import { notebookFields, notebookToNote, type NotebookAsset } from './to-mdx'

export const MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024

/** A free slug for the imported note: the title's (or file's) words, numbered if taken. */
async function freeSlug(store: NoteStore, wanted: string): Promise<string> {
  const base = validateSlug(wanted).ok ? wanted : 'notebook'
  for (let n = 1; n < 100; n += 1) {
    const slug = n === 1 ? base : `${base.slice(0, 76)}-${n}`
    if (!(await store.taken(slug))) return slug
  }
  throw new EditorError(422, 'Could not find a free slug for this notebook; rename its title.')
}

/**
 * An uploaded notebook as a new draft: its front matter become the fields, its cells the body
 * (the same conversion the build uses), and its plots images stored with the note. Nothing is
 * written unless the whole notebook converts and the draft validates.
 */
export async function importNotebook(fileName: string, bytes: Uint8Array, publicDir: string, store = noteStore()) {
  if (bytes.byteLength > MAX_NOTEBOOK_BYTES) throw new EditorError(413, 'The notebook is larger than 20 MB.')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new EditorError(400, `${fileName} is not a text file (not valid UTF-8); is it really an .ipynb notebook?`)
  }
  const assets: NotebookAsset[] = []
  let fields: Record<string, unknown>
  let slug = ''
  let body: string
  try {
    const notebook = parseNotebook(text)
    // The slug is needed for the images' URLs, so take it from the title before converting.
    fields = notebookFields(notebook)
    const title = typeof fields.title === 'string' ? fields.title : fileName.replace(/\.ipynb$/i, '')
    slug = await freeSlug(store, slugFromTitle(title))
    body = notebookToNote(notebook, {
      assetUrl: (asset) => {
        if (asset.ext === 'svg') {
          throw new NotebookError(`cell ${asset.cell} has an SVG plot; the admin stores PNG, JPEG or GIF images only (SVG can carry scripts). Save the figure as PNG, or put the notebook in content/notes/, where SVG plots are checked at build`)
        }
        assets.push(asset)
        return `/notes/${slug}/${imageFileName(`cell-${asset.cell}`, asset.bytes, asset.ext)}`
      },
    }).body
  } catch (error) {
    if (error instanceof NotebookError) throw new EditorError(422, `${fileName}: ${error.message.replace(/\.$/, '')}.`)
    throw error
  }
  const note = { ...fields, draft: true, body }
  // Validated and written first (no commit), then the plots, then one commit of the note with them.
  const saved = await saveNote(slug, { version: null, note, commit: false }, store)
  for (const asset of assets) await saveNoteImage(publicDir, slug, `cell-${asset.cell}`, asset.bytes)
  await store.commitNote(saved.slug, `Import notebook ${fileName} as note ${saved.slug}`, [noteImageDir(saved.slug, publicDir)])
  return { slug: saved.slug, images: assets.length }
}
