import type { Problem } from '@/lib/content'
import { PrintLink } from './print-link'

/** The problems solved, in order; those with a description link to its page. */
export function ProjectList({ problems, siteUrl }: { problems: Problem[]; siteUrl: string }) {
  return (
    <ol className="list-decimal space-y-1 pl-6 marker:text-zinc-600 dark:marker:text-zinc-400">
      {problems.map((problem) => (
        <li key={problem.slug} className="cv-entry text-zinc-800 dark:text-zinc-200">
          {problem.url ? (
            <PrintLink href={problem.url} printUrl={`${siteUrl}${problem.url}`}>
              {problem.title}
            </PrintLink>
          ) : (
            problem.title
          )}
        </li>
      ))}
    </ol>
  )
}
