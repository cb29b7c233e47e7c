import { adminJson, adminRoute, readJson } from '@/lib/admin/http'
import { restoreRevision } from '@/lib/drafts/service'

type Context = { params: Promise<{ slug: string }> }

export async function POST(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    return adminJson(await restoreRevision(slug, await readJson(request)))
  })
}
