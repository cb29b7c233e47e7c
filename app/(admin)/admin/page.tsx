import type { Metadata } from 'next'
import Link from 'next/link'
import { RestoreButton } from '@/components/admin/restore-button'
import { requireAuthor } from '@/lib/auth'
import { listNotesForAdmin } from '@/lib/admin/list-notes'
import { filterNotes, STATUS_LABELS, statusLabels, type NoteStatus } from '@/lib/admin/note-rows'
import { noteStore } from '@/lib/drafts/store-instance'
import { lastRefresh, publishingMode } from '@/lib/publishing'
import { formatDate } from '@/lib/utils'
import { signOutEverywhereAction } from './actions'

export const metadata: Metadata = { title: 'Notes' }

type AdminHomeProps = { searchParams: Promise<{ status?: string; q?: string; deleted?: string }> }

const STATUSES = Object.keys(STATUS_LABELS) as NoteStatus[]

export default async function AdminHomePage({ searchParams }: AdminHomeProps) {
  await requireAuthor('/admin')
  const { status, q, deleted: justDeleted } = await searchParams
  const store = noteStore()
  const all = await listNotesForAdmin()
  const notes = filterNotes(all, status, q)
  const historyEnabled = await store.hasHistory()
  const deleted = await store.deleted()
  const mode = publishingMode()
  const labels = statusLabels(mode)
  const refresh = lastRefresh()
  return (
    <div className="space-y-10">
      <section aria-labelledby="notes-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 id="notes-heading" className="text-2xl font-bold tracking-tight">
            Notes
          </h1>
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/notes/import" className="rounded-md border border-sky-800 px-3 py-1.5 text-sm font-medium text-sky-800 dark:border-sky-300 dark:text-sky-200">
              Import notebook
            </Link>
            <Link href="/admin/notes/new" className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-medium text-white dark:bg-sky-300 dark:text-zinc-950">
              New note
            </Link>
          </div>
        </div>
        {justDeleted && (
          <p role="status" className="rounded-md border border-sky-700/40 bg-sky-50 p-3 text-sm dark:border-sky-300/40 dark:bg-sky-950/60">
            Deleted “{justDeleted}”.{historyEnabled ? ' It is listed under Recently deleted below if you want it back.' : ''}
          </p>
        )}
        {!historyEnabled && (
          <p className="text-sm text-amber-900 dark:text-amber-200">
            The content folder is not in a git repository: saving works, but there is no revision history and deleted notes
            cannot be restored.
          </p>
        )}
        <form role="search" aria-label="Filter notes" className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            Status
            <select name="status" defaultValue={status ?? 'all'} className="rounded-md border border-zinc-400 bg-white px-2 py-1.5 dark:border-zinc-600 dark:bg-zinc-900">
              <option value="all">All ({all.length})</option>
              {STATUSES.map((value) => (
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
        {refresh && !refresh.ok && (
          <div role="alert" className="rounded-md border border-red-700/50 bg-red-50 p-3 text-sm text-red-950 dark:border-red-400/50 dark:bg-red-950/50 dark:text-red-50">
            <p className="font-medium">The site could not be updated: readers still see the last good version. Fix this and publish or save again:</p>
            <pre className="mt-2 overflow-x-auto whitespace-pre-wrap text-xs">{refresh.error}</pre>
          </div>
        )}
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Notes are the files in <code>content/notes/</code>.{' '}
          {mode === 'live'
            ? 'Publishing is live: publish, update, unpublish or delete and readers see it within seconds.'
            : '“Awaiting deploy” means published in the files but not in the running build yet: the host shows it after its next build.'}{' '}
          Notebooks (<code>.ipynb</code>) are listed too; they are edited in Jupyter, not here.
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
                </td>
                <td className="py-2 pr-4">{labels[note.status]}</td>
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
      {deleted.length > 0 && (
        <section aria-labelledby="deleted-heading" className="space-y-3">
          <h2 id="deleted-heading" className="text-lg font-semibold">
            Recently deleted
          </h2>
          <ul className="space-y-2 text-sm">
            {deleted.slice(0, 20).map((entry) => (
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
      )}
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
