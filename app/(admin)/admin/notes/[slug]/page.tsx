import 'katex/dist/katex.min.css'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { renderDraftPreview } from '@/components/admin/editor/draft-preview'
import { NoteEditor } from '@/components/admin/editor/note-editor'
import { requireAuthor } from '@/lib/auth'
import { getNote } from '@/lib/content'
import { noteInputFromFile } from '@/lib/notes/note-input'
import { parseNoteInput } from '@/lib/notes/schema'
import { validateSlug } from '@/lib/notes/slug'
import { noteStore } from '@/lib/drafts/store-instance'
import { fieldsFromNote } from '@/lib/editor/fields'
import { publishingMode } from '@/lib/publishing'
import { previewNoteAction } from '@/components/admin/editor/preview-action'
import { now } from '@/lib/content/clock.mjs'
import { scheduledAfter } from '@/lib/notes/publish-at.mjs'

type EditNoteProps = { params: Promise<{ slug: string }> }

export const metadata: Metadata = { title: 'Edit note' }

export default async function EditNotePage({ params }: EditNoteProps) {
  const { slug } = await params
  await requireAuthor(`/admin/notes/${encodeURIComponent(slug)}`)
  if (!validateSlug(slug).ok) notFound()
  const store = noteStore()
  // With a content remote: the note as it is there now, so a save starts from it.
  await store.refresh()
  let note: Awaited<ReturnType<typeof store.read>>
  try {
    note = await store.read(slug)
  } catch (error) {
    return (
      <p role="alert">
        The file <code>{slug}.mdx</code> cannot be edited here: {(error as Error).message} Fix it in a text editor.
      </p>
    )
  }
  if (!note) notFound()
  const input = noteInputFromFile(note)
  const parsed = parseNoteInput(input)
  const preview = parsed.ok ? await renderDraftPreview(slug, parsed.note) : null
  const waitingUntil = scheduledAfter(note.fields, now())
  return (
    <NoteEditor
      initial={{ slug, version: note.version, draft: input.draft !== false, fields: fieldsFromNote(slug, input) }}
      publishing={publishingMode()}
      onSite={getNote(slug) !== undefined}
      scheduledFor={waitingUntil === undefined ? null : new Date(waitingUntil).toISOString()}
      historyEnabled={await store.hasHistory()}
      initialPreview={
        preview?.ok ? preview.preview : preview ? <p>The saved body cannot be previewed until the problems listed under it are fixed.</p> : <p>Fix the fields in Details to see the preview.</p>
      }
      initialProblems={preview && !preview.ok ? preview.problems : []}
      renderPreview={previewNoteAction}
    />
  )
}
