import 'katex/dist/katex.min.css'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { MdxBlocks } from '@/components/mdx/mdx-content'
import { NoteArticle } from '@/components/notes/note-article'
import { compileDraft, draftSummary } from '@/lib/drafts/preview'
import { noteStore, shareStore } from '@/lib/drafts/store-instance'
import { noteInputFromFile } from '@/lib/notes/note-input'
import { parseNoteInput } from '@/lib/notes/schema'
import { formatDate } from '@/lib/utils'
import { LocalTime } from '@/components/admin/local-time'
import { now } from '@/lib/content/clock.mjs'
import { scheduledAfter } from '@/lib/notes/publish-at.mjs'

export const metadata: Metadata = { title: 'Draft preview', robots: { index: false, follow: false } }

type SharedDraftProps = { params: Promise<{ token: string }> }

/** A draft shown read-only to a reviewer holding a live share link; no sign-in, never indexed. */
export default async function SharedDraftPage({ params }: SharedDraftProps) {
  await connection()
  const { token } = await params
  // Tokens are base64url and a dot: anything percent-encoded is simply not a token.
  const shares = shareStore()
  const share = await shares.verify(token)
  if (!share) notFound()
  const stored = await noteStore().read(share.slug)
  if (!stored) {
    // Gone from disk (deleted outside the admin too): a note made at this slug later is another note.
    await shares.revokeNote(share.slug)
    notFound()
  }
  const input = parseNoteInput(noteInputFromFile(stored))
  if (!input.ok) notFound()
  const compiled = await compileDraft(input.note.body)
  const scheduled = scheduledAfter(input.note, now()) !== undefined && input.note.publishAt
  return (
    <article className="space-y-8">
      <p role="note" className="rounded-md border border-amber-700/40 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-300/40 dark:bg-amber-950/50 dark:text-amber-100">
        {input.note.draft ? 'Draft preview, not published yet.' : scheduled ? <>Scheduled preview, not public until <LocalTime iso={scheduled} />.</> : 'Preview link.'} Shared for review until{' '}
        {formatDate(new Date(share.expires).toISOString())}.
      </p>
      {compiled.ok ? (
        <NoteArticle note={draftSummary(share.slug, input.note)} headings={compiled.headings}>
          <MdxBlocks codes={compiled.codes} />
        </NoteArticle>
      ) : (
        <p>This draft cannot be shown right now: it has errors the author is fixing.</p>
      )}
    </article>
  )
}
