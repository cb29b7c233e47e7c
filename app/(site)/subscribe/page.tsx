import Link from 'next/link'
import { CopyFeedUrl } from '@/components/site/copy-feed-url'
import { FeedLinks } from '@/components/site/feed-links'
import { getAllSeries, getTags } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { siteConfig } from '@/lib/site'

export const metadata = pageMetadata({
  title: 'Subscribe',
  description: 'Follow new notes in any feed reader: RSS, Atom or JSON Feed, for every note, a tag or a series.',
  path: '/subscribe',
})

export default function SubscribePage() {
  const tags = getTags()
  const allSeries = getAllSeries()
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Subscribe</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          A feed lets your feed reader (NetNewsWire, Feedly, Inoreader, Thunderbird…) tell you when a new note is
          published, with the whole note inside, math and code included. No account, no email, no tracking: copy a feed
          address into your reader, or paste this site’s address and the reader finds the feeds itself.
        </p>
      </header>
      <section aria-labelledby="all-notes-heading" className="space-y-2">
        <h2 id="all-notes-heading" className="text-xl font-semibold">Every note</h2>
        <CopyFeedUrl url={`${siteConfig.url}/feed.xml`} label="Feed address (RSS): paste it into your reader" />
        <FeedLinks pagePath="/" label="every note" />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Opening a feed in the browser shows its raw source: that is what your reader reads.
        </p>
      </section>
      {allSeries.length > 0 && (
        <section aria-labelledby="series-feeds-heading" className="space-y-2">
          <h2 id="series-feeds-heading" className="text-xl font-semibold">One series</h2>
          <ul className="space-y-2">
            {allSeries.map((series) => (
              <li key={series.slug}>
                <FeedLinks pagePath={`/series/${series.slug}`} label={series.title} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="tag-feeds-heading" className="space-y-2">
        <h2 id="tag-feeds-heading" className="text-xl font-semibold">One topic</h2>
        <p className="text-zinc-700 dark:text-zinc-300">
          Every <Link href="/tags" className="text-sky-800 underline dark:text-sky-300">tag page</Link> has its own
          feeds, for example:
        </p>
        <ul className="space-y-2">
          {tags.slice(0, 5).map((tag) => (
            <li key={tag.slug}>
              <FeedLinks pagePath={`/tags/${tag.slug}`} label={tag.tag} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
