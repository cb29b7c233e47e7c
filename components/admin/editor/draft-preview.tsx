import 'server-only'
import type { ReactNode } from 'react'
import { MdxBlocks } from '@/components/mdx/mdx-content'
import { NoteArticle } from '@/components/notes/note-article'
import { getSeriesWith } from '@/lib/content'
import { compileDraft, draftSummary } from '@/lib/drafts/preview'
import type { NoteInput } from '@/lib/notes/schema'
import { validateSlug } from '@/lib/notes/slug'
import type { PolicyProblem } from '@/lib/mdx/policy'

export type PreviewResult = { ok: true; preview: ReactNode; ms: number } | { ok: false; problems: PolicyProblem[] }

export type PreviewFields = Omit<NoteInput, 'draft'>

/**
 * A draft rendered by the public note page's own components, from a compile with the build's
 * pipeline after the MDX policy check; or the problems, with line and column.
 */
export async function renderDraftPreview(slug: string, fields: PreviewFields): Promise<PreviewResult> {
  const compiled = await compileDraft(fields.body)
  if (!compiled.ok) return compiled
  const note = draftSummary(validateSlug(slug).ok ? slug : 'preview', fields)
  const series = note.series && note.seriesOrder ? getSeriesWith(note) : undefined
  return {
    ok: true,
    ms: compiled.ms,
    preview: (
      <NoteArticle note={note} headings={compiled.headings} series={series}>
        <MdxBlocks codes={compiled.codes} />
      </NoteArticle>
    ),
  }
}
