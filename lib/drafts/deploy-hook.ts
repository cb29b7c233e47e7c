import 'server-only'
import { settings } from '@/lib/settings'

export type DeployResult =
  | { triggered: false; reason: 'not-configured' | 'pushed' }
  | { triggered: true; ok: true; status: number }
  | { triggered: true; ok: false; error: string }

const TIME_LIMIT_MS = 5_000

/**
 * Asks the host to rebuild (a Vercel/Netlify-style build hook: an empty POST to a secret URL).
 * A production build serves the content it was built with, so a publish shows only after this,
 * or, with a content remote and no hook, after the build a host runs for each push.
 */
export async function triggerDeploy(hookUrl = settings().deployHookUrl): Promise<DeployResult> {
  if (!hookUrl) return { triggered: false, reason: settings().contentRemote ? 'pushed' : 'not-configured' }
  let url: URL
  try {
    url = new URL(hookUrl)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http')
  } catch {
    return { triggered: true, ok: false, error: 'DEPLOY_HOOK_URL is not an http(s) URL.' }
  }
  try {
    const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(TIME_LIMIT_MS), redirect: 'error' })
    if (!response.ok) return { triggered: true, ok: false, error: `The deploy hook answered ${response.status}.` }
    return { triggered: true, ok: true, status: response.status }
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${TIME_LIMIT_MS / 1000} s` : (error as Error).message
    return { triggered: true, ok: false, error: `The deploy hook could not be reached: ${reason}.` }
  }
}
