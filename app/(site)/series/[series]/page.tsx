import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { NoteMeta } from '@/components/notes/note-meta'
import { FeedLinks } from '@/components/site/feed-links'
import { getAllSeries, getSeries } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

type SeriesPageProps = { params: Promise<{ series: string }> }

export function generateStaticParams() {
  return getAllSeries().map((series) => ({ series: series.slug }))
}

export async function generateMetadata({ params }: SeriesPageProps): Promise<Metadata> {
  const series = getSeries((await params).series)
  if (!series) return {}
  const path = `/series/${series.slug}`
  return pageMetadata({
    title: series.title,
    description: `A ${series.parts.length}-part series: ${series.title}.`,
    path,
    feed: { pagePath: path, title: series.title },
  })
}

export default async function SeriesPage({ params }: SeriesPageProps) {
  const series = getSeries((await params).series)
  if (!series) notFound()
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold text-sky-800 dark:text-sky-300">Series</p>
        <h1 className="text-3xl font-bold tracking-tight">{series.title}</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          {series.parts.length} part{series.parts.length === 1 ? '' : 's'}, best read in order.
        </p>
        <FeedLinks pagePath={`/series/${series.slug}`} label={`the series ${series.title}`} />
      </header>
      <ol className="space-y-6">
        {series.parts.map((part, index) => (
          <li key={part.slug} className="flex gap-4">
            <span aria-hidden="true" className="text-2xl font-bold text-sky-800 tabular-nums dark:text-sky-300">
              {index + 1}
            </span>
            <div className="space-y-1">
              <h2 className="text-lg font-semibold">
                <Link href={part.url} className="hover:text-sky-800 dark:hover:text-sky-300">
                  <span className="sr-only">Part {index + 1}: </span>
                  {part.title}
                </Link>
              </h2>
              <NoteMeta note={part} />
              <p className="text-zinc-700 dark:text-zinc-300">{part.summary}</p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  )
}
