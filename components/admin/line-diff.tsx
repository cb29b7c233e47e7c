import { diffLines } from 'diff'

/** Two texts line by line: lines only in `after` marked +, only in `before` −, on tinted rows. */
export function LineDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  return (
    <pre data-testid={testId} className="max-h-[32rem] overflow-auto rounded-md border border-zinc-300 p-3 text-xs dark:border-zinc-700">
      {diffLines(before, after).map((part, index) => (
        <span
          key={index}
          className={
            part.added ? 'block bg-emerald-100 dark:bg-emerald-950' : part.removed ? 'block bg-red-100 dark:bg-red-950' : 'block text-zinc-600 dark:text-zinc-400'
          }
        >
          {part.value
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `${part.added ? '+ ' : part.removed ? '− ' : '  '}${line}`)
            .join('\n')}
        </span>
      ))}
    </pre>
  )
}
