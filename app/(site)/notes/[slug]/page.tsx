import 'katex/dist/katex.min.css'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { MdxContent } from '@/components/mdx/mdx-content'
import { Backlinks } from '@/components/notes/backlinks'
import { CiteNote } from '@/components/notes/cite-note'
import { NoteArticle } from '@/components/notes/note-article'
import { NotePager } from '@/components/notes/note-pager'
import { JsonLd } from '@/components/site/json-ld'
import { getAdjacentNotes, getBacklinks, getNote, getNotes, getSeriesOf, type Note } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { scholarTags, type CitableNote } from '@/lib/notes/citation-formats'
import { doiUrl } from '@/lib/notes/doi'
import { siteConfig } from '@/lib/site'

type NotePageProps = { params: Promise<{ slug: string }> }

const citable = ({ slug, title, date, updated, doi, url }: Note): CitableNote => ({ slug, title, date, updated, doi, url: `${siteConfig.url}${url}` })

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
    metaTags: scholarTags(siteConfig.name, citable(note)),
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
          ...(note.doi ? { sameAs: doiUrl(note.doi), identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: note.doi } } : {}),
        }}
      />
      <NoteArticle note={note} headings={note.headings} series={series} notebookUrl={note.notebookUrl}>
        <MdxContent code={note.code} />
      </NoteArticle>
      <CiteNote note={citable(note)} author={siteConfig.name} siteName={siteConfig.name} />
      <Backlinks notes={getBacklinks(slug)} />
      <NotePager older={older} newer={newer} />
    </article>
  )
}
