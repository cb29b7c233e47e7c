'use client'

import { useEffect, type RefObject } from 'react'
import { sameFields } from './fields'
import type { LatestNote } from './use-note-saver'

const LEAVE_QUESTION = 'This note has changes the server has not confirmed (they stay in this browser). Leave anyway?'

/** A click on a link that takes this tab to another page of the site (Next's links never unload). */
function leavesThePage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false
  const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
  if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return false
  const to = new URL(link.href, window.location.href)
  return to.origin === window.location.origin && to.pathname !== window.location.pathname
}

/**
 * Leaving with changes the server has not confirmed asks first, by reload, tab close or a link to
 * another admin page; coming back online saves a draft's waiting changes at once.
 */
export function useLeaveGuard(latest: RefObject<LatestNote>, save: (commit: boolean) => Promise<boolean>) {
  useEffect(() => {
    const unconfirmed = () => !sameFields(latest.current.fields, latest.current.saved) || !latest.current.serverSlug
    const worthKeeping = () => unconfirmed() && Boolean(latest.current.fields.title || latest.current.fields.body)
    const warn = (event: BeforeUnloadEvent) => {
      if (worthKeeping()) event.preventDefault()
    }
    const ask = (event: MouseEvent) => {
      if (!leavesThePage(event) || !worthKeeping()) return
      if (window.confirm(LEAVE_QUESTION)) return
      event.preventDefault()
      event.stopPropagation()
    }
    const retry = () => {
      if (latest.current.draft && !sameFields(latest.current.fields, latest.current.saved)) void save(false)
    }
    window.addEventListener('beforeunload', warn)
    window.addEventListener('online', retry)
    // Capture: before Next's link handler starts a client-side navigation.
    document.addEventListener('click', ask, true)
    return () => {
      document.removeEventListener('click', ask, true)
      window.removeEventListener('beforeunload', warn)
      window.removeEventListener('online', retry)
    }
  }, [latest, save])
}
