import { contentReady } from '@/lib/publishing/content-sync'

export const dynamic = 'force-dynamic'

/**
 * For load balancers and container health checks: 200 once this instance serves what the content
 * remote has (at once without a remote), 503 while it is still catching up after starting.
 */
export function GET() {
  const ready = contentReady()
  return Response.json({ status: ready ? 'ok' : 'starting' }, { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
