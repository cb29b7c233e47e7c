import Link from 'next/link'
import type { NoteSummary } from '@/lib/content'

type NotePagerProps = { older?: NoteSummary; newer?: NoteSummary }

export function NotePager({ older, newer }: NotePagerProps) {
  if (!older && !newer) return null
  return (
    <nav aria-label="More notes" className="grid gap-4 border-t border-zinc-200 pt-6 sm:grid-cols-2 dark:border-zinc-800">
      {older ? (
        <Link href={older.url} rel="prev" className="min-w-0 rounded-lg border border-zinc-200 p-4 wrap-anywhere hover:border-sky-700 dark:border-zinc-800 dark:hover:border-sky-300">
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">Previous note</span>
          <span className="font-medium text-zinc-950 dark:text-white">{older.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {newer && (
        <Link href={newer.url} rel="next" className="min-w-0 rounded-lg border border-zinc-200 p-4 text-right wrap-anywhere hover:border-sky-700 dark:border-zinc-800 dark:hover:border-sky-300">
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">Next note</span>
          <span className="font-medium text-zinc-950 dark:text-white">{newer.title}</span>
        </Link>
      )}
    </nav>
  )
}
