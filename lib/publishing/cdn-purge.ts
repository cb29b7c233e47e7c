import 'server-only'
import { settings } from '@/lib/settings'

const TIME_LIMIT_MS = 5_000

export type PurgeResult = { purged: false } | { purged: true; ok: true } | { purged: true; ok: false; error: string }

/**
 * Tells the CDN in front of the site to forget what it keeps (CDN_PURGE_URL, a POST with
 * Cloudflare's `{"purge_everything": true}`, which Fastly's and Bunny's purge-all URLs ignore), so a
 * publish shows there at once rather than within a minute. A purge that fails is logged: the
 * publish stands, and the CDN asks again within the minute anyway.
 */
export async function purgeCdn(purge = settings().cdnPurge): Promise<PurgeResult> {
  if (!purge) return { purged: false }
  const header = purge.header()
  try {
    const response = await fetch(purge.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(header && { [header[0]]: header[1] }) },
      body: JSON.stringify({ purge_everything: true }),
      signal: AbortSignal.timeout(TIME_LIMIT_MS),
      redirect: 'error',
    })
    if (response.ok) return { purged: true, ok: true }
    return failed(`the CDN answered ${response.status}`)
  } catch (error) {
    return failed((error as Error).name === 'TimeoutError' ? `no answer within ${TIME_LIMIT_MS / 1000} s` : (error as Error).message)
  }
}

function failed(reason: string): PurgeResult {
  // Never the URL: a purge URL may carry a secret.
  console.error(`The CDN could not be purged after a publish: ${reason}.`)
  return { purged: true, ok: false, error: reason }
}
