import type { Metadata } from 'next'
import Link from 'next/link'
import { getNotes } from '@/lib/content'
import { requireAuthor } from '@/lib/auth'
import { formatDate } from '@/lib/utils'
import { signOutEverywhereAction } from './actions'

export const metadata: Metadata = { title: 'Notes' }

export default async function AdminHomePage() {
  await requireAuthor('/admin')
  const notes = getNotes()
  return (
    <div className="space-y-10">
      <section aria-labelledby="notes-heading" className="space-y-4">
        <h1 id="notes-heading" className="text-2xl font-bold tracking-tight">
          Notes
        </h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Published notes in this build. Notes are files in <code>content/notes/</code>.
        </p>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-300 dark:border-zinc-700">
            <tr>
              <th scope="col" className="py-2 pr-4">Title</th>
              <th scope="col" className="py-2 pr-4">Published</th>
              <th scope="col" className="py-2">Tags</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((note) => (
              <tr key={note.slug} className="border-b border-zinc-200 dark:border-zinc-800">
                <td className="py-2 pr-4">
                  <Link href={note.url} className="text-sky-800 underline dark:text-sky-300">
                    {note.title}
                  </Link>
                </td>
                <td className="py-2 pr-4">{formatDate(note.date)}</td>
                <td className="py-2">{note.tags.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
