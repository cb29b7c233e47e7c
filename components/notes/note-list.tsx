import type { NoteSummary } from '@/lib/content'
import { NoteCard } from './note-card'

export function NoteList({ notes, headingLevel = 2 }: { notes: NoteSummary[]; headingLevel?: 2 | 3 }) {
  if (notes.length === 0) {
    return <p className="text-zinc-600 dark:text-zinc-400">No notes published yet.</p>
  }
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {notes.map((note) => (
        <li key={note.slug} className="py-6 first:pt-0">
          <NoteCard note={note} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  )
}
