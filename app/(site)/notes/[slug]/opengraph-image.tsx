import { OG_SIZE, renderCardImage } from '@/components/og/card-image'
import { getNote } from '@/lib/content'
import { siteConfig } from '@/lib/site'
import { formatDate } from '@/lib/utils'

export const size = OG_SIZE
export const contentType = 'image/png'
export const alt = 'Title card of a learning note by Arun Kumar RN'

// Drawn on a card's first request, then kept like a page and marked stale with it after each
// publish: drawing a thousand cards at build time cost more than the pages themselves.
export function generateStaticParams() {
  return []
}

export default async function NoteCardImage({ params }: { params: Promise<{ slug: string }> }) {
  const note = getNote((await params).slug)
  // Not a 404: Next would keep that one for good (it carries no tag a publish could clear), and a
  // guest asking for a slug before its note is published would leave the note without a card.
  if (!note) return renderCardImage({ eyebrow: `${siteConfig.name} · learning notes`, title: siteConfig.title, footer: [siteConfig.name] })
  return renderCardImage({
    eyebrow: note.series ? `${note.series} · part ${note.seriesOrder}` : `${siteConfig.name} · learning notes`,
    title: note.title,
    footer: [siteConfig.name, formatDate(note.date), `${note.readingMinutes} min read`],
  })
}
