'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useState } from 'react'
import { adminRequest, noteApiUrl } from './api'
import { clearLocalCopy, localCopyKey } from './local-copy'
import { onSiteAfter, publishNotice, scheduleNotice, unscheduleNotice, type DeployResult, type LiveResult, type PublishingMode } from './publish-notice'
import { forgetSession } from './session'
import type { NoteSaver } from './use-note-saver'

type PublishResult = { version: string; commit: string | null; draft: boolean; date?: string; deploy: DeployResult; live?: LiveResult }

type ScheduleResult = { version: string; publishAt: string; date: string }

type PublishingOptions = { mode: PublishingMode; onSite: boolean; scheduledFor?: string | null; historyEnabled: boolean; say: (notice: string) => void }

/**
 * Publish, schedule, unpublish (or unschedule) and delete. Unsaved changes are saved first (a
 * publish names the version it makes public); the notice says what readers get and when, as the
 * publishing mode decides.
 */
export function usePublishing(saver: NoteSaver, { mode, onSite: initiallyOnSite, scheduledFor: initiallyScheduled = null, historyEnabled, say }: PublishingOptions) {
  const router = useRouter()
  const [onSite, setOnSite] = useState(initiallyOnSite)
  const [scheduledFor, setScheduledFor] = useState(initiallyScheduled)
  const { latest, save, adopt, showRefusal, forget } = saver
  const needsSave = saver.dirty || !saver.serverSlug

  const setPublished = useCallback(
    async (publish: boolean) => {
      // Unscheduling takes nothing from readers: no question to ask.
      const unscheduling = !publish && scheduledFor !== null
      if (!publish && !unscheduling && !window.confirm(`Unpublish “${latest.current.fields.title}”? Readers lose its page and it leaves the feeds; it stays here as a draft.`)) return
      if (needsSave && !(await save(true))) return
      const slug = latest.current.serverSlug!
      say(publish ? 'Publishing…' : unscheduling ? 'Unscheduling…' : 'Unpublishing…')
      const result = await adminRequest<PublishResult>(noteApiUrl(slug, 'publish'), publish ? 'POST' : 'DELETE', { version: latest.current.version })
      if (result.kind !== 'ok') {
        showRefusal(result)
        say(`${publish ? 'Not published' : unscheduling ? 'Not unscheduled' : 'Not unpublished'}: ${result.error}`)
        return
      }
      const { version, date, deploy, live } = result.data
      // The server's date: publishing may set today's, unscheduling forgets the scheduled day.
      adopt(version, { ...latest.current.fields, date: date ?? '' }, !publish)
      setScheduledFor(null)
      say(unscheduling ? unscheduleNotice(live ?? null) : publishNotice(publish, slug, mode, live ?? null, deploy))
      setOnSite((was) => onSiteAfter(publish, mode, live ?? null, was))
    },
    [adopt, latest, mode, needsSave, save, say, scheduledFor, showRefusal],
  )

  /** Schedules the note; resolves to the server's refusal, or null once it is scheduled. */
  const schedule = useCallback(
    async ({ publishAt: chosen, date: chosenDay }: { publishAt: string; date: string }): Promise<string | null> => {
      if (needsSave && !(await save(true))) return 'Save the note first: the save was refused (see above).'
      const slug = latest.current.serverSlug!
      say('Scheduling…')
      const result = await adminRequest<ScheduleResult>(noteApiUrl(slug, 'schedule'), 'POST', { version: latest.current.version, publishAt: chosen, date: chosenDay })
      if (result.kind !== 'ok') {
        showRefusal(result)
        say(`Not scheduled: ${result.error}`)
        return result.kind === 'invalid' ? (result.errors?.publishAt ?? result.error) : result.error
      }
      const { version, publishAt, date } = result.data
      adopt(version, { ...latest.current.fields, date }, false)
      setScheduledFor(publishAt)
      say(scheduleNotice(publishAt, mode))
      return null
    },
    [adopt, latest, mode, needsSave, save, say, showRefusal],
  )

  const deleteNote = useCallback(async () => {
    const slug = latest.current.serverSlug
    if (!slug) return
    const title = latest.current.fields.title
    const warning = historyEnabled
      ? `Delete “${title}”? You can bring it back from the notes list (recently deleted).`
      : `Delete “${title}” for good? The content folder is not in git, so there is no history to restore it from.`
    if (!window.confirm(warning)) return
    const result = await adminRequest<{ commit: string | null }>(noteApiUrl(slug), 'DELETE', { version: latest.current.version })
    if (result.kind !== 'ok') {
      showRefusal(result)
      say(`Not deleted: ${result.error}`)
      return
    }
    clearLocalCopy(window.localStorage, localCopyKey(slug))
    forgetSession(slug)
    forget()
    router.push(`/admin?deleted=${encodeURIComponent(slug)}`)
  }, [forget, historyEnabled, latest, router, say, showRefusal])

  return { onSite, scheduledFor, setPublished, schedule, deleteNote }
}
