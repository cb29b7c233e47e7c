import type { Metadata } from 'next'
import Link from 'next/link'
import { requireAuthor } from '@/lib/auth'
import { filterNotes, listNotesForAdmin, STATUS_LABELS, type NoteStatus } from '@/lib/drafts'
import { formatDate } from '@/lib/utils'
import { signOutEverywhereAction } from './actions'

export const metadata: Metadata = { title: 'Notes' }

type AdminHomeProps = { searchParams: Promise<{ status?: string; q?: string }> }

const STATUSES = Object.keys(STATUS_LABELS) as NoteStatus[]

export default async function AdminHomePage({ searchParams }: AdminHomeProps) {
  await requireAuthor('/admin')
  const { status, q } = await searchParams
  const all = await listNotesForAdmin()
  const notes = filterNotes(all, status, q)
  return (
    <div className="space-y-10">
      <section aria-labelledby="notes-heading" className="space-y-4">
        <h1 id="notes-heading" className="text-2xl font-bold tracking-tight">
          Notes
        </h1>
        <form role="search" aria-label="Filter notes" className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            Status
            <select name="status" defaultValue={status ?? 'all'} className="rounded-md border border-zinc-400 bg-white px-2 py-1.5 dark:border-zinc-600 dark:bg-zinc-900">
              <option value="all">All ({all.length})</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]} ({all.filter((row) => row.status === value).length})
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
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Notes are the files in <code>content/notes/</code>. “Awaiting deploy” means published in the files but not in the
          running build yet.
        </p>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Notes, newest change first</caption>
          <thead className="border-b border-zinc-300 dark:border-zinc-700">
            <tr>
              <th scope="col" className="py-2 pr-4">Title</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Date</th>
              <th scope="col" className="py-2">Tags</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((note) => (
              <tr key={note.slug} className="border-b border-zinc-200 dark:border-zinc-800">
                <td className="py-2 pr-4">
                  {note.status === 'published' ? (
                    <Link href={`/notes/${note.slug}`} className="text-sky-800 underline dark:text-sky-300">
                      {note.title}
                    </Link>
                  ) : (
                    note.title
                  )}
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">{note.problem ?? note.slug}</span>
                </td>
                <td className="py-2 pr-4">{STATUS_LABELS[note.status]}</td>
                <td className="py-2 pr-4">
                  {note.date ? formatDate(note.date) : '—'}
                  {note.updated && <span className="block text-xs">updated {formatDate(note.updated)}</span>}
                </td>
                <td className="py-2">{note.tags.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {notes.length === 0 && <p className="text-sm">No notes match.</p>}
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Signed in somewhere you should not be? End every session, this one included.
        </p>
        <form action={signOutEverywhereAction}>
          <button
            type="submit"
            className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-200 dark:hover:bg-red-950"
          >
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  )
}
