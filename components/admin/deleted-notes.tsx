import Link from 'next/link'
import { formatDate } from '@/lib/utils'
import { RestoreButton } from './restore-button'

export type DeletedNote = { slug: string; date: string; restoreFrom?: string }

export type DeletedNotesProps = { entries: DeletedNote[] }

/** Notes deleted in git history and not back on disk, newest first; nothing when there are none. */
export function DeletedNotes({ entries }: DeletedNotesProps) {
  if (entries.length === 0) return null
  return (
    <section aria-labelledby="deleted-heading" className="space-y-3">
      <h2 id="deleted-heading" className="text-lg font-semibold">
        Recently deleted
      </h2>
      <ul className="space-y-2 text-sm">
        {entries.slice(0, 20).map((entry) => (
          <li key={entry.slug} className="flex flex-wrap items-center gap-3">
            <span>
              {entry.slug} <span className="text-xs text-zinc-600 dark:text-zinc-400">deleted {formatDate(entry.date)}</span>
            </span>
            {entry.restoreFrom && <RestoreButton slug={entry.slug} revision={entry.restoreFrom} version={null} label={`Restore ${entry.slug} as a draft`} />}
            <Link href={`/admin/notes/${entry.slug}/history`} className="text-xs text-sky-800 underline dark:text-sky-300">
              history
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
