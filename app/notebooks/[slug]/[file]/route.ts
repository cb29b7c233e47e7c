import { readNotebookFile } from '@/lib/notebooks/served-file'
import { settings } from '@/lib/settings'

type Context = { params: Promise<{ slug: string; file: string }> }

// Plots and notebooks a live refresh wrote after this server started (see lib/notebooks/served-file.ts).
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: Context) {
  const { slug, file } = await params
  const found = await readNotebookFile(settings().publicDir, slug, file)
  if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      'Content-Type': found.contentType,
      'Cache-Control': 'public, max-age=0, must-revalidate',
      // As for every file under /notebooks/ (proxy.ts): nothing in it runs.
      'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
