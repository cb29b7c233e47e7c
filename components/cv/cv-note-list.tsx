import type { NoteSummary } from '@/lib/content'
import { formatDate, isoDay } from '@/lib/utils'
import { PrintLink } from './print-link'

/** The published notes, one line each: a CV lists them, the notes page presents them. */
export function CvNoteList({ notes, siteUrl }: { notes: NoteSummary[]; siteUrl: string }) {
  if (notes.length === 0) return <p className="text-zinc-600 dark:text-zinc-400">No notes published yet.</p>
  return (
    <ul className="space-y-1">
      {notes.map((note) => (
        <li key={note.slug} className="cv-entry flex flex-col gap-x-4 sm:flex-row sm:items-baseline sm:justify-between">
          <PrintLink href={note.url} printUrl={`${siteUrl}${note.url}`}>
            {note.title}
          </PrintLink>
          <time dateTime={isoDay(note.date)} className="shrink-0 text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
            {formatDate(note.date)}
          </time>
        </li>
      ))}
    </ul>
  )
}
