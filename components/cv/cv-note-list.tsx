import Link from 'next/link'
import type { NoteSummary } from '@/lib/content'
import { formatDate, isoDay } from '@/lib/utils'
import { PrintLink } from './print-link'

/** Enough to show what the author writes about while the CV stays within two printed pages. */
export const CV_NOTE_COUNT = 10

/** The newest published notes, one line each, and a way to the rest. */
export function CvNoteList({ notes, siteUrl }: { notes: NoteSummary[]; siteUrl: string }) {
  if (notes.length === 0) return <p className="text-zinc-600 dark:text-zinc-400">No notes published yet.</p>
  const shown = notes.slice(0, CV_NOTE_COUNT)
  return (
    <>
      <ul className="space-y-1">
        {shown.map((note) => (
          <li key={note.slug} className="cv-entry flex min-w-0 flex-col gap-x-4 sm:flex-row sm:items-baseline sm:justify-between">
            <PrintLink href={note.url} printUrl={`${siteUrl}${note.url}`}>
              {note.title}
            </PrintLink>
            <time dateTime={isoDay(note.date)} className="shrink-0 text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
              {formatDate(note.date)}
            </time>
          </li>
        ))}
      </ul>
      {notes.length > shown.length && (
        <p className="text-sm">
          <Link href="/notes" data-print-url={`${siteUrl}/notes`} className="text-sky-800 underline dark:text-sky-300">
            All {notes.length} notes
          </Link>
        </p>
      )}
    </>
  )
}
