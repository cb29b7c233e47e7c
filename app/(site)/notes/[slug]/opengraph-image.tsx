import { notFound } from 'next/navigation'
import { OG_SIZE, renderCardImage } from '@/components/og/card-image'
import { getNote, getNotes } from '@/lib/content'
import { siteConfig } from '@/lib/site'
import { formatDate } from '@/lib/utils'

export const size = OG_SIZE
export const contentType = 'image/png'
export const alt = 'Title card of a learning note by Arun Kumar RN'

export function generateStaticParams() {
  return getNotes().map((note) => ({ slug: note.slug }))
}

export default async function NoteCardImage({ params }: { params: Promise<{ slug: string }> }) {
  const note = getNote((await params).slug)
  if (!note) notFound()
  return renderCardImage({
    eyebrow: note.series ? `${note.series} · part ${note.seriesOrder}` : `${siteConfig.name} · learning notes`,
    title: note.title,
    footer: [siteConfig.name, formatDate(note.date), `${note.readingMinutes} min read`],
  })
}
