import { MdxContent } from '@/components/mdx/mdx-content'
import type { Heading, NoteSummary, Series } from '@/lib/content'
import { NoteMeta } from './note-meta'
import { SeriesBox } from './series-box'
import { TableOfContents } from './table-of-contents'
import { TagList } from './tag-list'

type NoteArticleProps = { note: NoteSummary; headings: Heading[]; code: string; series?: Series }

/** A note as readers see it; the public page, the admin preview and shared drafts all render this. */
export function NoteArticle({ note, headings, code, series }: NoteArticleProps) {
  return (
    <>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">{note.title}</h1>
        <NoteMeta note={note} />
        <TagList tags={note.tags} />
      </header>
      {series && <SeriesBox series={series} currentSlug={note.slug} />}
      <TableOfContents headings={headings} />
      <div className="prose prose-zinc max-w-none dark:prose-invert">
        <MdxContent code={code} />
      </div>
    </>
  )
}
