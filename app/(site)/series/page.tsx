import type { Metadata } from 'next'
import Link from 'next/link'
import { getAllSeries } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

export const metadata: Metadata = pageMetadata({
  title: 'Series',
  description: 'Multi-part learning paths, read in order.',
  path: '/series',
})

export default function SeriesIndexPage() {
  const allSeries = getAllSeries()
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Series</h1>
      <ul className="space-y-6">
        {allSeries.map((series) => (
          <li key={series.slug} className="space-y-1">
            <h2 className="text-lg font-semibold">
              <Link href={`/series/${series.slug}`} className="hover:text-sky-800 dark:hover:text-sky-300">
                {series.title}
              </Link>
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {series.parts.length} part{series.parts.length === 1 ? '' : 's'}: {series.parts.map((p) => p.title).join(', ')}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}
