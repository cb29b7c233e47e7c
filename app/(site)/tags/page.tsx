import type { Metadata } from 'next'
import Link from 'next/link'
import { getTags } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

export const metadata: Metadata = pageMetadata({ title: 'Tags', description: 'Every topic the notes cover.', path: '/tags' })

export default function TagsPage() {
  const tags = getTags()
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Tags</h1>
      <ul className="flex flex-wrap gap-3">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link
              href={`/tags/${tag.slug}`}
              className="inline-block rounded-full bg-zinc-100 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-200 dark:hover:bg-zinc-700"
            >
              {tag.tag} <span className="text-zinc-600 dark:text-zinc-400">({tag.count})</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
