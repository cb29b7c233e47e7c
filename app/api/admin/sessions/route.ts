import { adminErrorResponse, authorizeAdminRequest, signOutEverywhere } from '@/lib/auth'

const noStore = { 'Cache-Control': 'private, no-store' }

/** Who is signed in (for scripts and the admin UI). */
export async function GET(request: Request) {
  try {
    const author = await authorizeAdminRequest(request)
    return Response.json({ author }, { headers: noStore })
  } catch (error) {
    return adminErrorResponse(error)
  }
}

/** Sign out everywhere: every session of the author ends. */
export async function DELETE(request: Request) {
  try {
    await authorizeAdminRequest(request)
    await signOutEverywhere()
    return new Response(null, { status: 204, headers: noStore })
  } catch (error) {
    return adminErrorResponse(error)
  }
}
