import { contentState } from '@/lib/publishing/content-sync'

export const dynamic = 'force-dynamic'

/**
 * For load balancers and container health checks: 503 while the instance is catching up with the
 * content remote after starting; then 200, with `content: "behind"` when its last catch-up failed
 * (it serves its last good content: an instance that cannot reach the remote still serves readers).
 */
export function GET() {
  const content = contentState()
  if (content === 'starting') return Response.json({ status: 'starting' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
  return Response.json(content === 'current' ? { status: 'ok' } : { status: 'ok', content }, { headers: { 'Cache-Control': 'no-store' } })
}
