import Link from 'next/link'
import type { Problem } from '@/lib/content'

/** The problems solved, in order; one with a description links to its own page. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2">
      {problems.map((problem) => (
        <li key={problem.order} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h3 className="font-medium text-zinc-950 dark:text-white">
            <span className="mr-2 text-sky-800 tabular-nums dark:text-sky-300">{problem.order}.</span>
            {problem.url ? (
              <Link href={problem.url} className="text-sky-800 underline dark:text-sky-300">
                {problem.title}
              </Link>
            ) : (
              problem.title
            )}
          </h3>
        </li>
      ))}
    </ol>
  )
}
