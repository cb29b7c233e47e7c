import 'server-only'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { saveImageIn } from '@/lib/drafts/images'
import { EditorError, saveNote } from '@/lib/drafts/service'
import type { NoteStore } from '@/lib/drafts/store'
import { noteStore } from '@/lib/drafts/store-instance'
import { slugFromTitle, validateSlug } from '@/lib/notes/slug'
import { convertInWorker } from '@/lib/notebooks/convert-in-worker'
import type { ImportConversion } from '@/lib/notebooks/import-conversion'
import { NotebookError } from '@/lib/notebooks/notebook'

/** A free slug for the imported note: the title's (or file's) words, numbered if taken. */
async function freeSlug(store: NoteStore, wanted: string): Promise<string> {
  const base = validateSlug(wanted).ok ? wanted : 'notebook'
  for (let n = 1; n < 100; n += 1) {
    const slug = n === 1 ? base : `${base.slice(0, 76)}-${n}`
    if (!(await store.taken(slug))) return slug
  }
  throw new EditorError(422, 'Could not find a free slug for this notebook; rename its title.')
}

type Convert = (text: string, slug: string) => Promise<ImportConversion>

/**
 * An uploaded notebook as a new draft: its front matter become the fields, its cells the body
 * (the same conversion the build uses, run off this thread), and its plots images stored with the
 * note (`<imagesRoot>/<slug>/`: the site's public folder, or a content remote's clone). Nothing is
 * written unless the whole notebook converts and the draft validates.
 */
export async function importNotebook(fileName: string, bytes: Uint8Array, imagesRoot: string, store = noteStore(), convert: Convert = convertInWorker) {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new EditorError(400, `${fileName} is not a text file (not valid UTF-8); is it really an .ipynb notebook?`)
  }
  // The slug comes from the title, known only once converted: images are addressed under a stand-in.
  const standIn = `import-${randomBytes(12).toString('hex')}`
  let conversion: ImportConversion
  try {
    conversion = await convert(text, standIn)
  } catch (error) {
    if (error instanceof NotebookError) throw new EditorError(422, `${fileName}: ${error.message.replace(/\.$/, '')}.`)
    throw error
  }
  const { fields, assets } = conversion
  const title = typeof fields.title === 'string' ? fields.title : fileName.replace(/\.ipynb$/i, '')
  const slug = await freeSlug(store, slugFromTitle(title))
  const body = conversion.body.replaceAll(`/notes/${standIn}/`, `/notes/${slug}/`)
  // Validated and written first (no commit), then the plots, then one commit of the note with them.
  const saved = await saveNote(slug, { version: null, note: { ...fields, draft: true, body }, commit: false }, store)
  for (const asset of assets) await saveImageIn(imagesRoot, slug, `cell-${asset.cell}`, asset.bytes)
  await store.commitNote(saved.slug, `Import notebook ${fileName} as note ${saved.slug}`, [path.join(imagesRoot, saved.slug)])
  return { slug: saved.slug, images: assets.length }
}
