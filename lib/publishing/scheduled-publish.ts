import 'server-only'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { now } from '@/lib/content/clock.mjs'
import { liveRoot } from '@/lib/content/live-pointer'
import { withFileLock } from '@/lib/drafts/file-lock'
import { refreshPublicSite, type RefreshResult } from './index'
import { dueNotes, readSchedule, servedSlugs } from './schedule'

export type ScheduledPublishResult = { published: string[]; refresh: RefreshResult | null }

/**
 * Publishes the notes whose time has come with the refresh a publish runs (rebuild, switch,
 * announce, purge the CDN). Run twice, or by two instances, it is harmless: instances sharing a
 * content folder share its live folder and take turns here, and the second finds the notes served
 * and does nothing (the first one's announcement has it mark its pages stale); with a content
 * remote each rebuilds its own clone's content.
 */
export async function publishDueNotes(): Promise<ScheduledPublishResult> {
  const live = liveRoot()
  await mkdir(live, { recursive: true })
  return withFileLock(path.join(live, '.scheduled-publish.lock'), async () => {
    const due = dueNotes(await readSchedule(), now(), servedSlugs())
    if (due.length === 0) return { published: [], refresh: null }
    const refresh = await refreshPublicSite()
    return { published: due.map((note) => note.slug), refresh }
  })
}
