import { adminJson, adminRoute, readJson } from '@/lib/admin/http'
import { deleteNote, saveNote } from '@/lib/drafts/service'
import { noteInputFromFile } from '@/lib/drafts/note-input'
import { NoteStoreError } from '@/lib/drafts/store'
import { noteStore } from '@/lib/drafts/store-instance'

type Context = { params: Promise<{ slug: string }> }

/** The note as the editor loads it: fields, body and the version a save must name. */
export async function GET(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    const note = await noteStore().read(slug)
    if (!note) throw new NoteStoreError('not-found', 'There is no note with this slug.')
    return adminJson({ slug, version: note.version, note: noteInputFromFile(note) })
  })
}

/** Creates (version null) or saves a note; `commit: false` for autosaves. */
export async function PUT(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    return adminJson(await saveNote(slug, await readJson(request)))
  })
}

/** Deletes a note (recoverable from its git history when there is one). */
export async function DELETE(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    return adminJson(await deleteNote(slug, await readJson(request)))
  })
}
