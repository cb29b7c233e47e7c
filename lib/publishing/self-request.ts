import 'server-only'
import { randomBytes, timingSafeEqual } from 'node:crypto'

// Work that must run in a request (Next revalidates pages only there) but that no one asked for
// (catching up with another instance, a scheduled note's time) is a request this server sends
// itself, carrying a token that never leaves the process.

const HEADER = 'x-self-request'

// One per server process, whichever bundle (instrumentation, a route) loads this module.
const token = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes.self-request-token')] ??= randomBytes(32).toString('hex')) as string

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** This server's own address, once it listens (`next start` sets it). */
async function selfOrigin(): Promise<string> {
  for (let waited = 0; !process.env.__NEXT_PRIVATE_ORIGIN && waited < 30_000; waited += 200) await sleep(200)
  const origin = new URL(process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`)
  // Listening on every address: loopback reaches it without a name lookup.
  if (origin.hostname === 'localhost') origin.hostname = '127.0.0.1'
  return origin.origin
}

/** POSTs to a route of this server as itself; the route checks isSelfRequest. */
export async function postToSelf(pathname: string): Promise<Response> {
  return fetch(new URL(pathname, await selfOrigin()), { method: 'POST', headers: { [HEADER]: token } })
}

/** Whether a request is this process asking itself: to anyone else such a route does not exist. */
export function isSelfRequest(request: Request): boolean {
  const sent = Buffer.from(request.headers.get(HEADER) ?? '')
  const expected = Buffer.from(token)
  return sent.length === expected.length && timingSafeEqual(sent, expected)
}

/** The answer a self-only route gives anyone else. */
export function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
