import type { Heading } from '@/lib/content'
import { cx } from '@/lib/utils'

export function TableOfContents({ headings }: { headings: Heading[] }) {
  if (headings.length < 2) return null
  return (
    <nav aria-labelledby="toc-heading" className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <h2 id="toc-heading" className="mb-2 font-semibold text-zinc-950 dark:text-white">
        On this page
      </h2>
      <ol className="space-y-1">
        {headings.map((heading) => (
          <li key={heading.id} className={cx(heading.level === 3 && 'pl-4')}>
            <a href={`#${heading.id}`} className="text-zinc-700 hover:text-sky-800 dark:text-zinc-300 dark:hover:text-sky-300">
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
