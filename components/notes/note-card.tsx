import Link from 'next/link'
import type { NoteSummary } from '@/lib/content'
import { NoteMeta } from './note-meta'
import { TagList } from './tag-list'

export function NoteCard({ note, headingLevel = 2 }: { note: NoteSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className="space-y-2">
      <Heading className="text-lg font-semibold tracking-tight">
        <Link href={note.url} className="text-zinc-950 hover:text-sky-800 dark:text-white dark:hover:text-sky-300">
          {note.title}
        </Link>
      </Heading>
      <NoteMeta note={note} />
      <p className="text-zinc-700 dark:text-zinc-300">{note.summary}</p>
      <TagList tags={note.tags} />
    </article>
  )
}
