import type { AdminNoteRow, NoteStatus } from '@/lib/admin/note-rows'

export type NotesFilterProps = {
  all: AdminNoteRow[]
  labels: Record<NoteStatus, string>
  status?: string
  q?: string
}

/** A plain GET form: the filter lives in the URL, so it works before hydration and can be linked. */
export function NotesFilter({ all, labels, status, q }: NotesFilterProps) {
  const statuses = Object.keys(labels) as NoteStatus[]
  return (
    <form role="search" aria-label="Filter notes" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        Status
        <select name="status" defaultValue={status ?? 'all'} className="rounded-md border border-zinc-400 bg-white px-2 py-1.5 dark:border-zinc-600 dark:bg-zinc-900">
          <option value="all">All ({all.length})</option>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {labels[value]} ({all.filter((row) => row.status === value).length})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Search
        <input name="q" type="search" defaultValue={q ?? ''} placeholder="Title, slug or tag" className="rounded-md border border-zinc-400 bg-white px-2 py-1.5 dark:border-zinc-600 dark:bg-zinc-900" />
      </label>
      <button type="submit" className="rounded-md bg-sky-800 px-3 py-1.5 font-medium text-white dark:bg-sky-300 dark:text-zinc-950">
        Filter
      </button>
    </form>
  )
}
