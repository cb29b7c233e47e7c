import type { Metadata } from 'next'
import Link from 'next/link'
import { DeletedNotes } from '@/components/admin/deleted-notes'
import { NotesFilter } from '@/components/admin/notes-filter'
import { NotesTable } from '@/components/admin/notes-table'
import { SessionsPanel } from '@/components/admin/sessions-panel'
import { requireAuthor } from '@/lib/auth'
import { listNotesForAdmin } from '@/lib/admin/list-notes'
import { filterNotes, statusLabels } from '@/lib/admin/note-rows'
import { noteStore } from '@/lib/drafts/store-instance'
import { lastRefresh, publishingMode } from '@/lib/publishing'
import { signOutEverywhereAction } from '../actions'

export const metadata: Metadata = { title: 'Notes' }

type AdminHomeProps = { searchParams: Promise<{ status?: string; q?: string; deleted?: string }> }

export default async function AdminHomePage({ searchParams }: AdminHomeProps) {
  await requireAuthor('/admin')
  const { status, q, deleted: justDeleted } = await searchParams
  const store = noteStore()
  const all = await listNotesForAdmin()
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
        <NotesFilter all={all} labels={labels} status={status} q={q} />
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
        <NotesTable notes={filterNotes(all, status, q)} labels={labels} />
      </section>
      <DeletedNotes entries={deleted} />
      <SessionsPanel signOutEverywhere={signOutEverywhereAction} />
    </div>
  )
}
