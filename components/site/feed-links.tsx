import { feedPaths } from '@/lib/feed/paths'

type FeedLinksProps = { pagePath: string; label: string }

export function FeedLinks({ pagePath, label }: FeedLinksProps) {
  const paths = feedPaths(pagePath)
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      Follow {label}:{' '}
      <a href={paths.rss} className="text-sky-800 underline dark:text-sky-300">RSS</a>,{' '}
      <a href={paths.atom} className="text-sky-800 underline dark:text-sky-300">Atom</a> or{' '}
      <a href={paths.json} className="text-sky-800 underline dark:text-sky-300">JSON Feed</a>
    </p>
  )
}
