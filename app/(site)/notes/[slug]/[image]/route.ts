import { readSiteNoteImage } from '@/lib/drafts/site-images'

type Context = { params: Promise<{ slug: string; image: string }> }

// Images the author pasted after this server started: `next start` serves only the public files it
// found at startup, so without this a new image would show as broken until the next deploy.
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: Context) {
  const { slug, image } = await params
  const found = await readSiteNoteImage(slug, image)
  if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      'Content-Type': found.contentType,
      // The name carries a hash of the content, so it never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'",
    },
  })
}
