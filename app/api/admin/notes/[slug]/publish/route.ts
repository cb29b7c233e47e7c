import { adminJson, adminRoute, readJson } from '@/lib/admin/http'
import { setPublished } from '@/lib/drafts/service'
import { refreshPublicSite } from '@/lib/publishing'

type Context = { params: Promise<{ slug: string }> }

/** Publishes: the note becomes public, and a live site shows it once this answers. */
export async function POST(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    const published = await setPublished(slug, await readJson(request), true)
    return adminJson({ ...published, live: await refreshPublicSite() })
  })
}

/** Unpublishes: the note becomes a draft again, gone from every public page once this answers. */
export async function DELETE(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    const unpublished = await setPublished(slug, await readJson(request), false)
    return adminJson({ ...unpublished, live: await refreshPublicSite() })
  })
}
