import type { Problem } from '@/lib/editor/api'

type ProblemListProps = {
  id: string
  title: string
  problems: Problem[]
  /** Moves the cursor to the problem; without it the list is plain text. */
  onSelect?: (problem: Problem) => void
}

/** Problems in the body, each with its line and column; each one a button to its place. */
export function ProblemList({ id, title, problems, onSelect }: ProblemListProps) {
  if (problems.length === 0) return null
  return (
    <div id={id} role="alert" className="rounded-md border border-red-700/50 bg-red-50 p-3 text-sm text-red-950 dark:border-red-400/50 dark:bg-red-950/50 dark:text-red-50">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {problems.map((problem, index) => {
          const text = `Line ${problem.line}, column ${problem.column}: ${problem.message}`
          return (
            <li key={index}>
              {onSelect ? (
                <button type="button" onClick={() => onSelect(problem)} className="inline text-left underline decoration-dotted underline-offset-2 hover:decoration-solid">
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
