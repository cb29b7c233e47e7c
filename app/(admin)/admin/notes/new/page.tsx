import 'katex/dist/katex.min.css'
import type { Metadata } from 'next'
import { renderDraftPreview } from '@/components/admin/editor/draft-preview'
import { NoteEditor } from '@/components/admin/editor/note-editor'
import { requireAuthor } from '@/lib/auth'
import { noteStore } from '@/lib/drafts/store-instance'
import { EMPTY_FIELDS } from '@/lib/editor/fields'
import { publishingMode } from '@/lib/publishing'
import { previewNoteAction } from '@/components/admin/editor/preview-action'

export const metadata: Metadata = { title: 'New note' }

export default async function NewNotePage() {
  await requireAuthor('/admin/notes/new')
  const preview = await renderDraftPreview('preview', { title: 'Untitled note', summary: '', tags: [], body: '' })
  return (
    <NoteEditor
      initial={{ slug: null, version: null, draft: true, fields: EMPTY_FIELDS }}
      publishing={publishingMode()}
      onSite={false}
      historyEnabled={await noteStore().hasHistory()}
      initialPreview={preview.ok ? preview.preview : null}
      renderPreview={previewNoteAction}
    />
  )
}
