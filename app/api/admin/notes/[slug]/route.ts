import { adminJson, adminRoute, readJson } from '@/lib/admin/http'
import { deleteNote, saveNote } from '@/lib/drafts/service'
import { noteInputFromFile } from '@/lib/notes/note-input'
import { NoteStoreError } from '@/lib/drafts/store'
import { noteStore, shareStore } from '@/lib/drafts/store-instance'
import { refreshPublicSite } from '@/lib/publishing'

type Context = { params: Promise<{ slug: string }> }

/** The note as the editor loads it: fields, body and the version a save must name. */
export async function GET(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    const note = await noteStore().open(slug)
    if (!note) throw new NoteStoreError('not-found', 'There is no note with this slug.')
    return adminJson({ slug, version: note.version, note: noteInputFromFile(note) })
  })
}

/**
 * Creates (version null) or saves a note; `commit: false` for autosaves. An explicit save of a
 * published note updates it on a live site; autosaves never reach readers.
 */
export async function PUT(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    const saved = await saveNote(slug, await readJson(request))
    // A new note at a slug is another note: links made for an earlier one there never show it.
    if (saved.created) await shareStore().revokeNote(saved.slug)
    return adminJson({ ...saved, live: saved.updatesSite ? await refreshPublicSite() : null })
  })
}

/** Deletes a note (recoverable from its git history when there is one). */
export async function DELETE(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    const deleted = await deleteNote(slug, await readJson(request))
    return adminJson({ ...deleted, live: deleted.wasPublished ? await refreshPublicSite() : null })
  })
}
