import { publishDueNotes } from '@/lib/publishing/scheduled-publish'
import { isSelfRequest, notFoundResponse } from '@/lib/publishing/self-request'

/**
 * The server asking itself to publish the scheduled notes whose time has come
 * (lib/publishing/scheduler.ts): it alone knows the token, so to anyone else the address does not exist.
 */
export async function POST(request: Request) {
  if (!isSelfRequest(request)) return notFoundResponse()
  try {
    return Response.json({ ok: true, ...(await publishDueNotes()) }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return Response.json({ ok: false, error: (error as Error).message }, { status: 500, headers: { 'Cache-Control': 'no-store' } })
  }
}
