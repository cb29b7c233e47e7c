import { readChartLibrary } from '@/lib/charts/library-file'
import { settings } from '@/lib/settings'

type Context = { params: Promise<{ file: string }> }

// Read from node_modules at request time: a 5 MB library never goes through the bundler.
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: Context) {
  const { file } = await params
  const bytes = await readChartLibrary(settings().projectDir, file)
  if (!bytes) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      // The name carries the library's version, so the file behind it never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
