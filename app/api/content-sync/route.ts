import { isSyncRequest, syncContent } from '@/lib/publishing/content-sync'

/**
 * This server asking itself to catch up with the content (lib/publishing/content-sync.ts): it
 * alone knows the token, so to anyone else the address does not exist.
 */
export async function POST(request: Request) {
  if (!isSyncRequest(request)) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return Response.json(await syncContent(), { headers: { 'Cache-Control': 'no-store' } })
}
