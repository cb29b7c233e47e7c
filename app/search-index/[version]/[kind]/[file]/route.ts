import { searchFileRoute } from '@/lib/search/route'

// Answered from the index in memory, not prerendered: a prerendered route would also keep the 404
// it gave for a version it did not have yet (another instance published first) or any more.
export const dynamic = 'force-dynamic'

export const GET = searchFileRoute()
