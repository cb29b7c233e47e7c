import type { Metadata } from 'next'
import Link from 'next/link'
import { Highlighted } from '@/components/search/highlighted'
import { searchSite } from '@/lib/search'

export const metadata: Metadata = { title: 'Search', robots: { index: false, follow: true } }

type SearchPageProps = { searchParams: Promise<{ q?: string | string[] }> }

/** Search without JavaScript: a plain form, results rendered on the server. */
export default async function SearchPage({ searchParams }: SearchPageProps) {
  const { q } = await searchParams
  const query = (Array.isArray(q) ? q[0] : (q ?? '')).slice(0, 200)
  const hits = await searchSite(query)
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">Search</h1>
      <form role="search" action="/search" className="flex gap-2">
        <label htmlFor="search-query" className="sr-only">
          Search the notes
        </label>
        <input
          id="search-query"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="Words, or code like cudaMalloc"
          className="w-full rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded-md bg-sky-800 px-4 py-2 font-medium text-white dark:bg-sky-300 dark:text-zinc-950">
          Search
        </button>
      </form>
      {query && (
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {hits.length === 0 ? `No notes match “${query}”.` : `${hits.length} ${hits.length === 1 ? 'place matches' : 'places match'} “${query}”.`}
        </p>
      )}
      <ol className="space-y-4">
        {hits.map((hit) => (
          <li key={hit.id}>
            <Link href={hit.url} className="font-semibold text-sky-800 underline dark:text-sky-300">
              <Highlighted text={hit.title} terms={hit.terms} />
              {hit.heading && (
                <>
                  {' › '}
                  <Highlighted text={hit.heading} terms={hit.terms} />
                </>
              )}
            </Link>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              <Highlighted text={hit.excerpt} terms={hit.terms} />
            </p>
          </li>
        ))}
      </ol>
    </div>
  )
}
