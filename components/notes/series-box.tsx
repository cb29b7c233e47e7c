import Link from 'next/link'
import type { Series } from '@/lib/content'

export function SeriesBox({ series, currentSlug }: { series: Series; currentSlug: string }) {
  const position = series.parts.findIndex((part) => part.slug === currentSlug) + 1
  return (
    <aside aria-labelledby="series-heading" className="rounded-lg border border-sky-700/30 bg-sky-50 p-4 text-sm dark:border-sky-300/30 dark:bg-sky-950/60">
      <h2 id="series-heading" className="font-semibold text-zinc-950 dark:text-white">
        Series:{' '}
        <Link href={`/series/${series.slug}`} className="text-sky-800 underline dark:text-sky-200">
          {series.title}
        </Link>
      </h2>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        Part {position} of {series.parts.length}
      </p>
      {series.parts.length > 1 && (
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          {series.parts.map((part) => (
            <li key={part.slug}>
              {part.slug === currentSlug ? (
                <span aria-current="page" className="font-semibold text-zinc-950 dark:text-white">
                  {part.title}
                </span>
              ) : (
                <Link href={part.url} className="text-sky-800 underline dark:text-sky-200">
                  {part.title}
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
