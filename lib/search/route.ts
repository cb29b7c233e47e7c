import 'server-only'
import { searchFile, searchManifest } from './index'

const JSON_TYPE = 'application/json; charset=utf-8'
const FILE = /^(\d{1,6})\.json$/

/** The manifest: one address, so it must be asked again each time (it is small). */
export function searchManifestRoute() {
  return () =>
    new Response(JSON.stringify(searchManifest()), {
      headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'public, max-age=0, must-revalidate' },
    })
}

type FileParams = { params: Promise<Record<string, string>> }

/**
 * A shard or a note's results. The version in the address names the bytes, so browsers and CDNs
 * may keep them for good; another version's (a reader's manifest from before a publish) is a 404
 * that nothing keeps, and the dialog then reads the manifest again.
 */
export function searchFileRoute() {
  return async (_request: Request, { params }: FileParams) => {
    const { version, kind, file } = await params
    const n = FILE.exec(file)
    const body = n && (kind === 'terms' || kind === 'notes') ? searchFile(version, kind, Number(n[1])) : null
    if (body === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
    return new Response(body, { headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'public, max-age=31536000, immutable' } })
  }
}
