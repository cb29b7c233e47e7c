'use client'

import type { EditorFields } from '@/lib/editor/fields'
import { FieldInput } from './field-input'
import { SharePanel } from './share-panel'

type DetailsPanelProps = {
  fields: EditorFields
  errors: Record<string, string>
  change: (update: Partial<EditorFields>) => void
  onSlug: (slug: string) => void
  serverSlug: string | null
  draft: boolean
  /** Scheduled for later: not public yet, so shared for review like a draft. */
  scheduled: boolean
  onClose: () => void
  onDelete: () => void
}

/** Everything about the note but its title and body: address, summary, tags, series, dates, DOI, review links, delete. */
export function DetailsPanel({ fields, errors, change, onSlug, serverSlug, draft, scheduled, onClose, onDelete }: DetailsPanelProps) {
  const slugLocked = Boolean(serverSlug) && !draft
  return (
    <aside id="note-details" aria-labelledby="note-details-heading" className="min-w-0 space-y-4 rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-2">
        <h2 id="note-details-heading" className="text-sm font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
          Details
        </h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800">
          Close<span className="sr-only"> details</span>
        </button>
      </div>
      <FieldInput
        label="Slug"
        name="slug"
        value={fields.slug}
        error={errors.slug}
        hint={slugLocked ? `The address /notes/${fields.slug} is public; unpublish to change it.` : `The address: /notes/${fields.slug || '…'}`}
        readOnly={slugLocked}
        onChange={onSlug}
      />
      <FieldInput label="Summary" name="summary" value={fields.summary} error={errors.summary} onChange={(summary) => change({ summary })} multiline hint="One or two sentences for lists, feeds and search results." />
      <FieldInput label="Tags" name="tags" value={fields.tags} error={errors.tags} onChange={(tags) => change({ tags })} hint="Separated by commas, e.g. CUDA, PyTorch" />
      <FieldInput label="Series" name="series" value={fields.series} error={errors.series} onChange={(series) => change({ series })} />
      <FieldInput label="Part" name="seriesOrder" value={fields.seriesOrder} error={errors.seriesOrder} onChange={(seriesOrder) => change({ seriesOrder })} inputMode="numeric" hint="Its place in the series: 1, 2, 3…" />
      <FieldInput label="Date" name="date" type="date" value={fields.date} error={errors.date} onChange={(date) => change({ date })} hint={draft ? 'Set when you publish, if empty.' : scheduled ? 'The day it becomes public, set by Schedule.' : undefined} />
      <FieldInput label="Updated" name="updated" type="date" value={fields.updated} error={errors.updated} onChange={(updated) => change({ updated })} />
      <FieldInput label="DOI" name="doi" value={fields.doi} error={errors.doi} onChange={(doi) => change({ doi })} hint="Optional, e.g. 10.5281/zenodo.1234567; shown in “Cite this note”." />
      {serverSlug && (draft || scheduled) && <SharePanel slug={serverSlug} />}
      {serverSlug && (
        <button
          type="button"
          onClick={onDelete}
          className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 dark:border-red-400 dark:text-red-200"
        >
          Delete
        </button>
      )}
    </aside>
  )
}
