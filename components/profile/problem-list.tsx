import type { Problem } from '@/lib/content'
import { MdxContent } from '@/components/mdx/mdx-content'

export function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2">
      {problems.map((problem) => (
        <li key={problem.order} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h3 className="font-medium text-zinc-950 dark:text-white">
            <span className="mr-2 text-sky-800 tabular-nums dark:text-sky-300">{problem.order}.</span>
            {problem.title}
          </h3>
          {problem.code && (
            <div className="prose prose-sm prose-zinc mt-2 dark:prose-invert">
              <MdxContent code={problem.code} />
            </div>
          )}
        </li>
      ))}
    </ol>
  )
}
