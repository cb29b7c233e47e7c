import Link from 'next/link'
import type { NoteSummary } from '@/lib/content'
import { NoteMeta } from './note-meta'

/** The published notes that link to this one. */
export function Backlinks({ notes }: { notes: NoteSummary[] }) {
  if (notes.length === 0) return null
  return (
    <section aria-labelledby="backlinks-heading" className="space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id="backlinks-heading" className="text-lg font-semibold text-zinc-950 dark:text-white">
        Referenced by
      </h2>
      <ul className="space-y-3">
        {notes.map((note) => (
          <li key={note.slug}>
            <Link href={note.url} className="font-medium text-sky-800 underline dark:text-sky-200">
              {note.title}
            </Link>
            <NoteMeta note={note} />
          </li>
        ))}
      </ul>
    </section>
  )
}
