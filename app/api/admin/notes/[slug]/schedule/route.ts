import { adminJson, adminRoute, readJson } from '@/lib/admin/http'
import { scheduleNote } from '@/lib/drafts/service'
import { rearmScheduler } from '@/lib/publishing/scheduler'

type Context = { params: Promise<{ slug: string }> }

/** Schedules a draft: public by itself at `publishAt` on a live site, with the next build on a static host. */
export async function POST(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const { slug } = await params
    const scheduled = await scheduleNote(slug, await readJson(request))
    rearmScheduler()
    return adminJson(scheduled)
  })
}
