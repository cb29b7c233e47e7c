import 'server-only'
import { revalidatePath } from 'next/cache'
import { liveRoot } from '@/lib/content/live-pointer'
import { settings, type PublishMode } from '@/lib/settings'
import { announceContentChange } from './announcements'
import { purgeCdn } from './cdn-purge'
import { requestRefresh, type RefreshResult } from './refresh'
import { rearmScheduler } from './scheduler'

export type { RefreshResult } from './refresh'

/**
 * How a change the author publishes reaches readers: `live`, the running server rebuilds its
 * content and shows it within seconds (and `npm run dev`, whose watcher does the same); `deploy`,
 * a static host that shows it after its next build (PUBLISH_MODE=deploy, with DEPLOY_HOOK_URL).
 */
export function publishingMode(): PublishMode {
  return settings().publishMode
}

/** Whether this server rebuilds its public pages itself when the content changes. */
export function refreshesItself(): boolean {
  return publishingMode() === 'live' && process.env.NODE_ENV === 'production'
}

// Pages are rendered again on their next visit; these handlers are prerendered outside any layout.
const STATIC_ROUTES = ['/search-index.json', '/sitemap.xml']

/**
 * Marks the public pages stale (in a request) and writes the site's feed files again: after a
 * rebuild here, or one by another instance into the folder this one serves.
 */
export async function revalidatePublicPages() {
  revalidatePath('/', 'layout')
  for (const route of STATIC_ROUTES) revalidatePath(route)
  // The change is saved and built: a feed that cannot be written is reported, not a failed publish.
  // Loaded here, not at the top: the feeds bring in the whole content module.
  const { writeStaticFeeds } = await import('@/lib/feed/static-files')
  await writeStaticFeeds().catch((error: Error) => console.error(`The feed files could not be written: ${error.message}`))
  // The content changed: a note may have been scheduled, moved or published meanwhile.
  rearmScheduler()
}

// Shared by every route bundle of this server process.
const status = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes.live-refresh-status')] ??= { last: null }) as { last: RefreshResult | null }

/**
 * After a change to what readers may see (publish, unpublish, an explicit save, a restore or a
 * deletion of a published note), committed (and pushed, with a content remote): rebuilds the
 * content, switches the site to it, and tells the other instances. With a remote they pull and
 * rebuild their own clone's, so they are told first, to work beside this one; without one they
 * share this one's folder and only mark their pages stale, so they are told once it is built.
 * Null when the site does not refresh itself (a deploy-mode host; `npm run dev`, where
 * Contentlayer's watcher does).
 */
export async function refreshPublicSite(): Promise<RefreshResult | null> {
  if (!refreshesItself()) return null
  let result: RefreshResult
  if (settings().contentRemote) {
    await announceContentChange()
    result = await rebuildPublicSite()
  } else {
    result = await rebuildPublicSite()
    if (result.ok) await announceContentChange()
  }
  // Not awaited: the author's answer does not wait for the CDN.
  if (result.ok) void purgeCdn()
  return result
}


/**
 * Rebuilds the public pages from the content as this instance has it now; must run in a request
 * (Next revalidates pages only there).
 */
export async function rebuildPublicSite(): Promise<RefreshResult> {
  const started = performance.now()
  const { projectDir, contentDir, contentRemote } = settings()
  // The change itself is saved and committed by now: a refresh that breaks is reported, not a 500.
  const last = await requestRefresh({
    projectDir,
    contentDir,
    notesDir: contentRemote?.notesDir,
    imagesDir: contentRemote?.imagesDir,
    liveDir: liveRoot(),
    revalidate: revalidatePublicPages,
  }).catch((error: Error): RefreshResult => ({ ok: false, error: `The site could not be refreshed: ${error.message}`, ms: Math.round(performance.now() - started) }))
  // The build names files as the workspace has them (content/notes/…); on a remote of notes alone they are notes/….
  const named = !last.ok && contentRemote?.layout === 'notes' ? { ...last, error: last.error.replaceAll('content/notes/', 'notes/') } : last
  status.last = named
  if (!named.ok) console.error(`Live refresh failed; readers keep the last good version:\n${named.error}`)
  return named
}

/** The last refresh this server made, for the admin to show a failure until one succeeds. */
export function lastRefresh(): RefreshResult | null {
  return status.last
}
