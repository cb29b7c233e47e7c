import { adminJson, adminRoute, readJson } from '@/lib/admin/http'
import { restoreRevision } from '@/lib/drafts/service'
import { refreshPublicSite } from '@/lib/publishing'

type Context = { params: Promise<{ slug: string }> }

export async function POST(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    const restored = await restoreRevision(slug, await readJson(request))
    return adminJson({ ...restored, live: restored.draft ? null : await refreshPublicSite() })
  })
}
