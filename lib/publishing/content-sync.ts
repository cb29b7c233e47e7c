import 'server-only'
import { noteStore } from '@/lib/drafts/store-instance'
import { settings } from '@/lib/settings'
import { announceContentChange, listenForChanges } from './announcements'
import { rebuildPublicSite, refreshesItself, revalidatePublicPages, type RefreshResult } from './index'
import { isSelfRequest, postToSelf } from './self-request'

// Keeps this instance's public pages at what the content remote has: a first pull when the server
// starts, another whenever an instance announces a change (Redis), and a look at the remote every
// CONTENT_SYNC_INTERVAL seconds (a missed announcement, a commit pushed from a laptop, commits
// queued here while the remote was down). The work runs in a request this server sends itself
// (self-request.ts), because Next revalidates pages only inside a request.

/** Where an instance asks itself to catch up (app/api/content-sync/route.ts). */
export const SYNC_PATH = '/api/content-sync'

type SyncState = {
  started: boolean
  /** Whether the first catch-up after starting has finished, well or not. */
  attempted: boolean
  /** Whether the last catch-up succeeded; if not, the next look at the remote tries again. */
  current: boolean
  /** The remote's commit the public pages were last built from; null before the first. */
  builtHead: string | null
  running: Promise<void> | null
  again: boolean
}

// One state per server process, whichever bundle (instrumentation, the route) loads this module.
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes.content-sync')] ??= {
  started: false,
  attempted: false,
  current: true,
  builtHead: null,
  running: null,
  again: false,
}) as SyncState

export type SyncResult = { ok: true; changed: boolean; refresh?: RefreshResult } | { ok: false; error: string }

/**
 * `starting` until this instance's first catch-up with the content remote has finished; then
 * `current`, or `behind` when the last one failed (the remote unreachable, a note that does not
 * build): it serves its last good content meanwhile, as a failed refresh always does.
 */
export function contentState(): 'starting' | 'current' | 'behind' {
  if (!(settings().contentRemote && refreshesItself())) return 'current'
  if (!state.attempted) return 'starting'
  return state.current ? 'current' : 'behind'
}

/** Starts keeping up (called once when the server starts); nothing on one machine without a remote. */
export function startContentSync(): void {
  const { contentRemote, redis } = settings()
  if (state.started || process.env.NEXT_PHASE === 'phase-production-build' || !refreshesItself() || (!contentRemote && !redis)) return
  state.started = true
  listenForChanges(requestSync)
  if (!contentRemote) return
  requestSync()
  setInterval(() => void checkRemote(), contentRemote.syncInterval * 1000).unref()
}

async function checkRemote() {
  if (state.running) return
  try {
    if (!state.current || (await noteStore().remoteOutOfStep())) requestSync()
  } catch {
    // The remote is down: the admin says so when it is used, and the next check tries again.
  }
}

/** One catch-up at a time; a change announced while one runs is picked up by one more. */
function requestSync() {
  if (state.running) {
    state.again = true
    return
  }
  state.running = (async () => {
    do {
      state.again = false
      await askSelf()
    } while (state.again)
  })().finally(() => (state.running = null))
}

async function askSelf() {
  try {
    const response = await postToSelf(SYNC_PATH)
    const result = (await response.json()) as SyncResult
    if (!result.ok) console.error(`This instance could not catch up with the content: ${result.error}`)
  } catch (error) {
    state.current = false
    console.error(`This instance could not catch up with the content: ${(error as Error).message}`)
  }
  state.attempted = true
}

/** Whether a request is this process asking itself to catch up. */
export function isSyncRequest(request: Request): boolean {
  return isSelfRequest(request)
}

/**
 * Pulls the content remote (pushing what is queued here) and rebuilds the public pages when the
 * notes changed since the last build. Without a remote the instances share one content folder and
 * its live snapshot, which the publishing instance has just built: marking the pages stale is all.
 */
export async function syncContent(): Promise<SyncResult> {
  const result = await catchUp()
  state.current = result.ok
  return result
}

async function catchUp(): Promise<SyncResult> {
  if (!settings().contentRemote) {
    await revalidatePublicPages()
    return { ok: true, changed: true }
  }
  const store = noteStore()
  let head: string | null
  try {
    const queued = await store.remoteHasUnpushed()
    await store.refresh()
    // Commits kept here while the remote was down reached it just now: the others should know.
    if (queued && !(await store.remoteHasUnpushed())) await announceContentChange()
    head = await store.remoteHead()
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
  if (head !== null && head === state.builtHead) return { ok: true, changed: false }
  const refresh = await rebuildPublicSite()
  if (!refresh.ok) return { ok: false, error: refresh.error }
  state.builtHead = head
  return { ok: true, changed: true, refresh }
}
