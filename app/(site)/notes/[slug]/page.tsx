import 'katex/dist/katex.min.css'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { MdxContent } from '@/components/mdx/mdx-content'
import { Backlinks } from '@/components/notes/backlinks'
import { NoteArticle } from '@/components/notes/note-article'
import { NotePager } from '@/components/notes/note-pager'
import { JsonLd } from '@/components/site/json-ld'
import { getAdjacentNotes, getBacklinks, getNote, getNotes, getSeriesOf } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { siteConfig } from '@/lib/site'

type NotePageProps = { params: Promise<{ slug: string }> }

export function generateStaticParams() {
  return getNotes().map((note) => ({ slug: note.slug }))
}

export async function generateMetadata({ params }: NotePageProps): Promise<Metadata> {
  const { slug } = await params
  const note = getNote(slug)
  if (!note) return { title: 'Note not found', robots: { index: false } }
  return pageMetadata({
    title: note.title,
    description: note.summary,
    path: note.url,
    article: { publishedTime: note.date, modifiedTime: note.updated, tags: note.tags },
  })
}

export default async function NotePage({ params }: NotePageProps) {
  const { slug } = await params
  const note = getNote(slug)
  if (!note) notFound()

  const series = getSeriesOf(note)
  const { older, newer } = getAdjacentNotes(slug)

  return (
    <article className="space-y-8">
      <JsonLd
        data={{
          '@type': 'BlogPosting',
          headline: note.title,
          description: note.summary,
          datePublished: note.date,
          dateModified: note.updated ?? note.date,
          url: `${siteConfig.url}${note.url}`,
          mainEntityOfPage: `${siteConfig.url}${note.url}`,
          keywords: note.tags.join(', '),
          wordCount: note.wordCount,
          author: { '@type': 'Person', name: siteConfig.name, url: siteConfig.url },
          ...(note.series ? { isPartOf: { '@type': 'CreativeWorkSeries', name: note.series } } : {}),
        }}
      />
      <NoteArticle note={note} headings={note.headings} series={series} notebookUrl={note.notebookUrl}>
        <MdxContent code={note.code} />
      </NoteArticle>
      <Backlinks notes={getBacklinks(slug)} />
      <NotePager older={older} newer={newer} />
    </article>
  )
}
