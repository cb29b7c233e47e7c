import { isSyncRequest, syncContent } from '@/lib/publishing/content-sync'
import { notFoundResponse } from '@/lib/publishing/self-request'

/**
 * This server asking itself to catch up with the content (lib/publishing/content-sync.ts): it
 * alone knows the token, so to anyone else the address does not exist.
 */
export async function POST(request: Request) {
  if (!isSyncRequest(request)) return notFoundResponse()
  return Response.json(await syncContent(), { headers: { 'Cache-Control': 'no-store' } })
}
