import 'server-only'
import { AuthError, authorizeAdminRequest } from '@/lib/auth'
import { noteInputFromFile } from '@/lib/notes/note-input'
import { EditorError } from '@/lib/drafts/service'
import { NoteStoreError } from '@/lib/drafts/store'
import { RedisUnavailableError } from '@/lib/redis/connect.mjs'

// A 1 MB body plus its fields and JSON escaping.
export const MAX_REQUEST_BYTES = 1_500_000

const PRIVATE = { 'Cache-Control': 'private, no-store' }

export function adminJson(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: PRIVATE })
}

/**
 * The request body as JSON, refusing (without reading further) anything over the limit, bytes that
 * are not UTF-8, and text that is not JSON, each with its own message.
 */
export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_REQUEST_BYTES) throw new EditorError(413, 'The note is too large to save (the body may be at most 1 MB).')
  const bytes = new Uint8Array(await request.arrayBuffer())
  if (bytes.byteLength > MAX_REQUEST_BYTES) throw new EditorError(413, 'The note is too large to save (the body may be at most 1 MB).')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new EditorError(400, 'The request is not valid UTF-8 text.')
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new EditorError(400, 'The request is not valid JSON.')
  }
}

/**
 * A multipart upload, read only up to `limit` bytes (declared or streamed): anything larger is a
 * 413 with `tooLarge` as its message, before the rest is read or anything is parsed.
 */
export async function readUpload(request: Request, limit: number, tooLarge: string): Promise<FormData> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw new EditorError(413, tooLarge)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body?.getReader()
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    size += chunk.value.byteLength
    if (size > limit) {
      await reader?.cancel()
      throw new EditorError(413, tooLarge)
    }
    chunks.push(chunk.value)
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData()
  } catch {
    throw new EditorError(400, 'The upload is not a form with a file.')
  }
}

// unpushed: kept on this server, not on the content remote: not a success (a host may drop the clone).
const STORE_STATUS = { 'invalid-slug': 400, 'unsafe-path': 400, 'not-found': 404, exists: 409, conflict: 409, busy: 503, unpushed: 503, 'remote-unreachable': 503, 'remote-auth': 502 } as const

/**
 * Runs an admin route handler: the session and (for writes) the request's origin are checked
 * first, here in the handler itself; refusals become JSON the editor can show.
 */
export async function adminRoute(request: Request, handle: () => Promise<Response>): Promise<Response> {
  try {
    await authorizeAdminRequest(request)
    return await handle()
  } catch (error) {
    if (error instanceof AuthError) return adminJson({ error: error.message }, error.status)
    if (error instanceof EditorError) return adminJson({ error: error.message, ...error.details }, error.status)
    if (error instanceof NoteStoreError) {
      const current = error.current && { version: error.current.version, note: noteInputFromFile(error.current) }
      return adminJson({ error: error.message, code: error.code, current }, STORE_STATUS[error.code])
    }
    if (error instanceof RedisUnavailableError) {
      // Shared state (sessions, locks) is on Redis: without it nothing can be checked or written safely.
      return adminJson({ error: `The admin is unavailable: ${error.message} Your text is kept in this browser; try again shortly.` }, 503)
    }
    throw error
  }
}
