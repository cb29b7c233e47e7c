import { highlight } from '@/lib/search/highlight'

/** Text with the words that matched the search marked. */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return highlight(text, terms).map((segment, index) =>
    segment.match ? (
      <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-zinc-950 dark:bg-amber-300">
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  )
}
