import { readSiteNoteImage } from '@/lib/drafts/site-images'
import { DATA_FILE_CSP } from '@/lib/security/csp.mjs'

type Context = { params: Promise<{ slug: string; image: string }> }

// Images the author pasted after this server started: `next start` serves only the public files it
// found at startup, so without this a new image would show as broken until the next deploy.
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: Context) {
  const { slug, image } = await params
  // A stored image or one of its variants; any other name, or a variant without its original, is a 404.
  const found = await readSiteNoteImage(slug, image)
  if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      'Content-Type': found.contentType,
      // The name carries a hash of the content (a variant's, of its original's), so it never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': DATA_FILE_CSP,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
