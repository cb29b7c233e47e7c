import Link from 'next/link'
import type { AdminNoteRow, NoteStatus } from '@/lib/admin/note-rows'
import { formatDate } from '@/lib/utils'
import { LocalTime } from './local-time'

export type NotesTableProps = { notes: AdminNoteRow[]; labels: Record<NoteStatus, string> }

/** Every note file (notebooks too) with its status; only notes the admin can edit are links. */
export function NotesTable({ notes, labels }: NotesTableProps) {
  return (
    <>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Notes, newest change first</caption>
        <thead className="border-b border-zinc-300 dark:border-zinc-700">
          <tr>
            <th scope="col" className="py-2 pr-4">Title</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="hidden py-2 pr-4 sm:table-cell">Date</th>
            <th scope="col" className="hidden py-2 sm:table-cell">Tags</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((note) => (
            <NoteRow key={note.slug} note={note} label={labels[note.status]} />
          ))}
        </tbody>
      </table>
      {notes.length === 0 && <p className="text-sm">No notes match.</p>}
    </>
  )
}

function NoteRow({ note, label }: { note: AdminNoteRow; label: string }) {
  return (
    <tr className="border-b border-zinc-200 dark:border-zinc-800">
      <td className="py-2 pr-4 [overflow-wrap:anywhere]">
        {note.status === 'invalid' || note.notebook ? (
          note.title
        ) : (
          <Link href={`/admin/notes/${note.slug}`} className="text-sky-800 underline dark:text-sky-300">
            {note.title}
          </Link>
        )}
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
          {note.problem ?? (note.notebook ? `Notebook: edit ${note.notebook}` : note.slug)}
          {note.status === 'published' && (
            <>
              {' · '}
              <Link href={`/notes/${note.slug}`} className="underline">
                view on site
              </Link>
            </>
          )}
        </span>
        {note.date && <span className="block text-xs text-zinc-600 sm:hidden dark:text-zinc-400">{formatDate(note.date)}</span>}
      </td>
      <td className="py-2 pr-4">{note.publishAt ? <>Scheduled for <LocalTime iso={note.publishAt} /></> : label}</td>
      <td className="hidden py-2 pr-4 sm:table-cell">
        {note.date ? formatDate(note.date) : '—'}
        {note.updated && <span className="block text-xs">updated {formatDate(note.updated)}</span>}
      </td>
      <td className="hidden py-2 sm:table-cell">{note.tags.join(', ')}</td>
    </tr>
  )
}
