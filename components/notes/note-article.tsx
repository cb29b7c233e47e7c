import type { ReactNode } from 'react'
import type { Heading, NoteSummary, Series } from '@/lib/content'
import { NoteMeta } from './note-meta'
import { SeriesBox } from './series-box'
import { TableOfContents } from './table-of-contents'
import { TagList } from './tag-list'

type NoteArticleProps = {
  note: NoteSummary
  headings: Heading[]
  series?: Series
  /** Set when the note was generated from a Jupyter notebook. */
  notebookUrl?: string
  children: ReactNode
}

/**
 * A note as readers see it, around its rendered body (children); the public page, the admin
 * preview and shared drafts all render this.
 */
export function NoteArticle({ note, headings, series, notebookUrl, children }: NoteArticleProps) {
  return (
    <>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">{note.title}</h1>
        <NoteMeta note={note} />
        <TagList tags={note.tags} />
        {notebookUrl && (
          <p className="text-sm">
            <a href={notebookUrl} download className="text-sky-800 underline dark:text-sky-200">
              Download the Jupyter notebook (.ipynb)
            </a>
          </p>
        )}
      </header>
      {series && <SeriesBox series={series} currentSlug={note.slug} />}
      <TableOfContents headings={headings} />
      <div className="prose prose-zinc max-w-none dark:prose-invert">
        {children}
      </div>
    </>
  )
}
