import type { Problem } from '@/lib/editor/api'

/** Problems in the body, each with its line and column, as the policy check or compiler found them. */
export function ProblemList({ id, title, problems }: { id: string; title: string; problems: Problem[] }) {
  if (problems.length === 0) return null
  return (
    <div id={id} role="alert" className="rounded-md border border-red-700/50 bg-red-50 p-3 text-sm text-red-950 dark:border-red-400/50 dark:bg-red-950/50 dark:text-red-50">
      <p className="font-medium">{title}:</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {problems.map((problem, index) => (
          <li key={index}>
            Line {problem.line}, column {problem.column}: {problem.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
