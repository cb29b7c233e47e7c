import { searchManifestRoute } from '@/lib/search/route'

// Built at build time from published notes, and again after a live publish (lib/publishing
// revalidates it); the search dialog fetches it when opened, then only the shards a query needs.
export const dynamic = 'force-static'

export const GET = searchManifestRoute()
