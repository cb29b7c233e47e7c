import type { ReactNode } from 'react'

/** The stored output of a notebook code cell: text, tables and plots, set apart from the code. */
export function CellOutput({ children }: { children?: ReactNode }) {
  return (
    <div role="group" aria-label="Cell output" className="cell-output my-4 border-l-4 border-sky-700/40 pl-4 dark:border-sky-300/40">
      <p className="not-prose mb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">Output</p>
      {children}
    </div>
  )
}
