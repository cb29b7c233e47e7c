import Link from 'next/link'

export default function NoteNotFound() {
  return (
    <div className="space-y-4">
      <p className="text-sm font-semibold text-sky-800 dark:text-sky-300">404</p>
      <h1 className="text-3xl font-bold tracking-tight">Note not found</h1>
      <p className="text-zinc-700 dark:text-zinc-300">No published note lives at this address.</p>
      <Link href="/notes" className="text-sky-800 underline dark:text-sky-300">
        Browse all notes
      </Link>
    </div>
  )
}
