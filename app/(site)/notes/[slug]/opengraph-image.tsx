import { notFound } from 'next/navigation'
import { OG_SIZE, renderCardImage } from '@/components/og/card-image'
import { getNote } from '@/lib/content'
import { siteConfig } from '@/lib/site'
import { formatDate } from '@/lib/utils'

export const size = OG_SIZE
export const contentType = 'image/png'
export const alt = 'Title card of a learning note by Arun Kumar RN'

// Drawn on a card's first request, then kept like a page (and revalidated with it): drawing a
// thousand cards at build time cost more than the pages themselves.
export function generateStaticParams() {
  return []
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
