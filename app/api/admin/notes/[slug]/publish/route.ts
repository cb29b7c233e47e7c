import { adminJson, adminRoute, readJson } from '@/lib/admin/http'
import { setPublished } from '@/lib/drafts/service'

type Context = { params: Promise<{ slug: string }> }

export async function POST(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    return adminJson(await setPublished(slug, await readJson(request), true))
  })
}

/** Unpublishes: the note becomes a draft again. */
export async function DELETE(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    return adminJson(await setPublished(slug, await readJson(request), false))
  })
}
