import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { NoteList } from '@/components/notes/note-list'
import { FeedLinks } from '@/components/site/feed-links'
import { getTag, getTags } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

type TagPageProps = { params: Promise<{ tag: string }> }

export function generateStaticParams() {
  return getTags().map((tag) => ({ tag: tag.slug }))
}

export async function generateMetadata({ params }: TagPageProps): Promise<Metadata> {
  const tag = getTag((await params).tag)
  if (!tag) return {}
  const path = `/tags/${tag.slug}`
  return pageMetadata({
    title: `Notes tagged ${tag.tag}`,
    description: `${tag.count} note${tag.count === 1 ? '' : 's'} about ${tag.tag}.`,
    path,
    feed: { pagePath: path, title: `Notes tagged ${tag.tag}` },
  })
}

export default async function TagPage({ params }: TagPageProps) {
  const tag = getTag((await params).tag)
  if (!tag) notFound()
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Notes tagged “{tag.tag}”</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          {tag.count} note{tag.count === 1 ? '' : 's'}
        </p>
        <FeedLinks pagePath={`/tags/${tag.slug}`} label={`notes tagged ${tag.tag}`} />
      </header>
      <NoteList notes={tag.notes} />
    </div>
  )
}
