'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useState } from 'react'
import { adminRequest, noteApiUrl } from './api'
import { clearLocalCopy, localCopyKey } from './local-copy'
import { onSiteAfter, publishNotice, type DeployResult, type LiveResult, type PublishingMode } from './publish-notice'
import { forgetSession } from './session'
import type { NoteSaver } from './use-note-saver'

type PublishResult = { version: string; commit: string | null; draft: boolean; date?: string; deploy: DeployResult; live?: LiveResult }

type PublishingOptions = { mode: PublishingMode; onSite: boolean; historyEnabled: boolean; say: (notice: string) => void }

/**
 * Publish, unpublish and delete. Unsaved changes are saved first (a publish names the version it
 * makes public); the notice says what readers get and when, as the publishing mode decides.
 */
export function usePublishing(saver: NoteSaver, { mode, onSite: initiallyOnSite, historyEnabled, say }: PublishingOptions) {
  const router = useRouter()
  const [onSite, setOnSite] = useState(initiallyOnSite)
  const { latest, save, adopt, showRefusal, forget } = saver
  const needsSave = saver.dirty || !saver.serverSlug

  const setPublished = useCallback(
    async (publish: boolean) => {
      if (!publish && !window.confirm(`Unpublish “${latest.current.fields.title}”? Readers lose its page and it leaves the feeds; it stays here as a draft.`)) return
      if (needsSave && !(await save(true))) return
      const slug = latest.current.serverSlug!
      say(publish ? 'Publishing…' : 'Unpublishing…')
      const result = await adminRequest<PublishResult>(noteApiUrl(slug, 'publish'), publish ? 'POST' : 'DELETE', { version: latest.current.version })
      if (result.kind !== 'ok') {
        showRefusal(result)
        say(`${publish ? 'Not published' : 'Not unpublished'}: ${result.error}`)
        return
      }
      const { version, date, deploy, live } = result.data
      adopt(version, { ...latest.current.fields, date: date ?? latest.current.fields.date }, !publish)
      say(publishNotice(publish, slug, mode, live ?? null, deploy))
      setOnSite((was) => onSiteAfter(publish, mode, live ?? null, was))
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

  return { onSite, setPublished, deleteNote }
}
