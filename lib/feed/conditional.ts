import { createHash } from 'node:crypto'

/** Strong validators for a body that only changes when its bytes do. */
export function validators(body: string, lastModified: Date) {
  return {
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    lastModified: new Date(Math.floor(lastModified.getTime() / 1000) * 1000).toUTCString(),
  }
}

/**
 * RFC 9110 §13.2.2: If-None-Match wins when present; If-Modified-Since is read only without it.
 * True when the client's copy is current and a 304 is the answer.
 */
export function isNotModified(headers: Headers, etag: string, lastModified: string): boolean {
  const ifNoneMatch = headers.get('if-none-match')
  if (ifNoneMatch !== null) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  }
  const ifModifiedSince = headers.get('if-modified-since')
  if (ifModifiedSince === null) return false
  const since = Date.parse(ifModifiedSince)
  return !Number.isNaN(since) && Date.parse(lastModified) <= since
}
