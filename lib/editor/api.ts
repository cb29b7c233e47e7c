import { noteFromFields, type EditorFields, type ServerNote } from './fields'

export type Problem = { line: number; column: number; message: string }

/** What a request to the admin API came to, in the terms the editor shows. */
export type ApiResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'conflict'; error: string; current?: { version: string; note: ServerNote } }
  | { kind: 'invalid'; error: string; errors?: Record<string, string>; problems?: Problem[]; status: number }
  | { kind: 'signed-out'; error: string }
  | { kind: 'offline'; error: string }

type ErrorBody = { error?: string; errors?: Record<string, string>; problems?: Problem[]; code?: string; current?: { version: string; note: ServerNote } }

export async function adminRequest<T>(url: string, method: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    })
  } catch {
    return { kind: 'offline', error: 'The server cannot be reached.' }
  }
  let data: unknown = null
  try {
    data = await response.json()
  } catch {
    // A proxy's HTML error page, or a server stopping mid-answer.
    if (response.ok) return { kind: 'offline', error: 'The server’s answer was cut off.' }
  }
  if (response.ok) return { kind: 'ok', data: data as T }
  const failure = (data ?? {}) as ErrorBody
  const error = failure.error ?? `The server answered ${response.status}.`
  if (response.status === 401) return { kind: 'signed-out', error: 'You are signed out. Sign in again (in another tab) to save.' }
  if (response.status === 409 && failure.code === 'conflict') return { kind: 'conflict', error, current: failure.current }
  // A 5xx may say why (the content remote or Redis is out of reach, the change waits): show it.
  if (response.status >= 500 || response.status === 0) return { kind: 'offline', error: failure.error ?? `The server failed (${response.status}).` }
  return { kind: 'invalid', error, errors: failure.errors, problems: failure.problems, status: response.status }
}

export const noteApiUrl = (slug: string, action = '') => `/api/admin/notes/${encodeURIComponent(slug)}${action ? `/${action}` : ''}`

/** A save as the server takes it: the version it started from, a draft's new slug, the fields. */
export const saveRequest = (current: { version: string | null; serverSlug: string | null }, snapshot: EditorFields, commit: boolean) => ({
  version: current.version,
  slug: current.serverSlug && snapshot.slug !== current.serverSlug ? snapshot.slug : undefined,
  commit,
  note: noteFromFields(snapshot),
})
