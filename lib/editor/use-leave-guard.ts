'use client'

import { useEffect, type RefObject } from 'react'
import { sameFields } from './fields'
import type { LatestNote } from './use-note-saver'

/**
 * Leaving with changes the server has not confirmed asks first; coming back online saves a draft's
 * waiting changes at once instead of at the next retry.
 */
export function useLeaveGuard(latest: RefObject<LatestNote>, save: (commit: boolean) => Promise<boolean>) {
  useEffect(() => {
    const unconfirmed = () => !sameFields(latest.current.fields, latest.current.saved) || !latest.current.serverSlug
    const warn = (event: BeforeUnloadEvent) => {
      if (unconfirmed() && (latest.current.fields.title || latest.current.fields.body)) event.preventDefault()
    }
    const retry = () => {
      if (latest.current.draft && !sameFields(latest.current.fields, latest.current.saved)) void save(false)
    }
    window.addEventListener('beforeunload', warn)
    window.addEventListener('online', retry)
    return () => {
      window.removeEventListener('beforeunload', warn)
      window.removeEventListener('online', retry)
    }
  }, [latest, save])
}
