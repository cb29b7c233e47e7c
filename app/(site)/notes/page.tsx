import type { Metadata } from 'next'
import { NoteList } from '@/components/notes/note-list'
import { getNotes } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

export const metadata: Metadata = pageMetadata({
  title: 'Notes',
  description: 'Learning notes on machine learning, PyTorch and CUDA, newest first.',
  path: '/notes',
})

export default function NotesPage() {
  const notes = getNotes()
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Notes</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Learning notes on machine learning, PyTorch and the hardware under them, newest first.
        </p>
      </header>
      <NoteList notes={notes} />
    </div>
  )
}
