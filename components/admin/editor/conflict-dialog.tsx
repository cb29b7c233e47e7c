'use client'

import { useEffect, useRef } from 'react'
import type { EditorFields } from '@/lib/editor/fields'
import { LineDiff } from '../line-diff'

type ConflictDialogProps = {
  mine: EditorFields
  theirs: EditorFields
  onKeepMine: () => void
  onTakeTheirs: () => void
  onClose: () => void
}

const FIELD_LABELS: Record<Exclude<keyof EditorFields, 'body' | 'slug'>, string> = {
  title: 'Title',
  summary: 'Summary',
  tags: 'Tags',
  series: 'Series',
  seriesOrder: 'Part',
  date: 'Date',
  updated: 'Updated',
  doi: 'DOI',
}

/**
 * Shown when a save finds the note changed elsewhere (another tab, an edit on disk): both sides,
 * line by line, and the author chooses. Nothing is overwritten until they do.
 */
export function ConflictDialog({ mine, theirs, onKeepMine, onTakeTheirs, onClose }: ConflictDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  const changedFields = (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]).filter((key) => mine[key] !== theirs[key])

  return (
    <dialog
      ref={dialog}
      aria-labelledby="conflict-heading"
      onCancel={onClose}
      className="m-auto max-h-[90vh] w-[min(64rem,95vw)] overflow-y-auto rounded-lg border border-zinc-300 bg-white p-6 text-zinc-900 backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="conflict-heading" className="text-lg font-semibold">
        This note changed since you opened it
      </h2>
      <p className="mt-1 text-sm">
        Another tab or an edit on disk saved a different version. Your text is safe in this browser. Compare, then choose
        which version to keep.
      </p>
      {changedFields.length > 0 && (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="text-left font-medium">Fields that differ</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4">Field</th>
              <th scope="col" className="pr-4">On the server</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {changedFields.map((key) => (
              <tr key={key}>
                <th scope="row" className="pr-4 font-normal">{FIELD_LABELS[key]}</th>
                <td className="pr-4">{theirs[key] || '—'}</td>
                <td>{mine[key] || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="mt-4 text-sm font-medium">Body: lines only on the server are marked −, lines only in yours +</h3>
      <LineDiff before={theirs.body} after={mine.body} testId="conflict-diff" />
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-medium text-white dark:bg-sky-300 dark:text-zinc-950">
          Keep mine (replace the server’s)
        </button>
        <button type="button" onClick={onTakeTheirs} className="rounded-md border border-zinc-500 px-3 py-1.5 text-sm font-medium">
          Use the server’s version
        </button>
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm underline">
          Decide later
        </button>
      </div>
    </dialog>
  )
}
