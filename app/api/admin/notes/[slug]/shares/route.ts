import { z } from 'zod'
import { adminJson, adminRoute, readJson } from '@/lib/admin/http'
import { EditorError } from '@/lib/drafts/service'
import { SHARE_LIFETIMES_DAYS } from '@/lib/drafts/shares'
import { validateSlug } from '@/lib/notes/slug'
import { shareStore } from '@/lib/drafts/store-instance'

type Context = { params: Promise<{ slug: string }> }

async function checkedSlug(params: Context['params']): Promise<string> {
  const checked = validateSlug((await params).slug)
  if (!checked.ok) throw new EditorError(400, checked.error)
  return checked.slug
}

const createRequest = z.object({ days: z.union(SHARE_LIFETIMES_DAYS.map((days) => z.literal(days))) }).strict()
const revokeRequest = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/) }).strict()

export async function GET(request: Request, { params }: Context) {
  return adminRoute(request, async () => adminJson({ shares: await shareStore().list(await checkedSlug(params)) }))
}

/** A new read-only link to this draft, valid for 1, 7 or 30 days. */
export async function POST(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    const slug = await checkedSlug(params)
    const parsed = createRequest.safeParse(await readJson(request))
    if (!parsed.success) throw new EditorError(400, `A share link lasts ${SHARE_LIFETIMES_DAYS.join(', ')} days.`)
    const { share, token } = await shareStore().create(slug, parsed.data.days)
    return adminJson({ ...share, token }, 201)
  })
}

/** Revokes a link: it stops working at once. */
export async function DELETE(request: Request, { params }: Context) {
  return adminRoute(request, async () => {
    await checkedSlug(params)
    const parsed = revokeRequest.safeParse(await readJson(request))
    if (!parsed.success) throw new EditorError(400, 'That is not a share link id.')
    return adminJson({ revoked: await shareStore().revoke(parsed.data.id) })
  })
}
