import Link from 'next/link'
import { seriesPosition, type Series } from '@/lib/content'

/** The series a note belongs to: where the reader is, every part, and the way on. */
export function SeriesBox({ series, currentSlug }: { series: Series; currentSlug: string }) {
  const { part, total, previous, next } = seriesPosition(series, currentSlug)
  return (
    <aside aria-labelledby="series-heading" className="rounded-lg border border-sky-700/30 bg-sky-50 p-4 text-sm dark:border-sky-300/30 dark:bg-sky-950/60">
      <h2 id="series-heading" className="font-semibold text-zinc-950 dark:text-white">
        Series:{' '}
        <Link href={`/series/${series.slug}`} className="text-sky-800 underline dark:text-sky-200">
          {series.title}
        </Link>
      </h2>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300" id="series-progress-label">
        Part {part} of {total}
      </p>
      <div
        role="progressbar"
        aria-labelledby="series-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={part}
        className="mt-2 flex gap-1"
      >
        {series.parts.map((entry, index) => (
          <span
            key={entry.slug}
            className={`h-1.5 flex-1 rounded-full ${index < part ? 'bg-sky-700 dark:bg-sky-300' : 'bg-sky-700/20 dark:bg-sky-300/20'}`}
          />
        ))}
      </div>
      {total > 1 && (
        <ol className="mt-3 list-decimal space-y-1 pl-5">
          {series.parts.map((entry) => (
            <li key={entry.slug}>
              {entry.slug === currentSlug ? (
                <span aria-current="page" className="font-semibold text-zinc-950 dark:text-white">
                  {entry.title}
                </span>
              ) : (
                <Link href={entry.url} className="text-sky-800 underline dark:text-sky-200">
                  {entry.title}
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
      {(previous || next) && (
        <nav aria-label="Series" className="mt-3 flex flex-wrap justify-between gap-2">
          {previous ? (
            <Link href={previous.url} rel="prev" className="text-sky-800 underline dark:text-sky-200">
              ← Part {part - 1}: {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={next.url} rel="next" className="text-sky-800 underline dark:text-sky-200">
              Part {part + 1}: {next.title} →
            </Link>
          )}
        </nav>
      )}
    </aside>
  )
}
