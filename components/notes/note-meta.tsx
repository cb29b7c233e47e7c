import type { NoteSummary } from '@/lib/content'
import { formatDate, isoDay } from '@/lib/utils'

export function NoteMeta({ note }: { note: NoteSummary }) {
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
      <time dateTime={isoDay(note.date)}>{formatDate(note.date)}</time>
      {note.updated && (
        <span>
          Updated <time dateTime={isoDay(note.updated)}>{formatDate(note.updated)}</time>
        </span>
      )}
      <span>{note.readingMinutes} min read</span>
    </p>
  )
}
