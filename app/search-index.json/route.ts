import { siteSearchIndex } from '@/lib/search'

// Built once at build time from published notes; the search dialog fetches it only when opened.
export const dynamic = 'force-static'

export function GET() {
  return new Response(JSON.stringify(siteSearchIndex()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=0, must-revalidate' },
  })
}
