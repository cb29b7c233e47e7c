'use client'

import { useEffect, useRef, useState } from 'react'
import type { EditorFields } from './fields'
import { sameFields } from './fields'
import { clearLocalCopy, localCopyKey, readLocalCopy, type LocalCopy } from './local-copy'
import { takeRestoreNotice } from './restore-notice'

/**
 * On opening a note: the offer to restore a newer copy this browser kept, and the notice of a
 * revision just restored. Only on mount: `npm run dev` re-renders the page after every save, and
 * that is not a reopening (`resumed` says the editor picked up where it was).
 */
export function useLocalCopyOffer(opened: { slug: string | null; fields: EditorFields }, resumed: boolean, say: (notice: string) => void) {
  const [offer, setOffer] = useState<LocalCopy | null>(null)
  const onMount = useRef(resumed ? null : opened)

  useEffect(() => {
    if (!onMount.current) return
    const { slug, fields } = onMount.current
    const key = localCopyKey(slug)
    const copy = readLocalCopy(window.localStorage, key)
    if (copy && sameFields(copy.fields, fields)) clearLocalCopy(window.localStorage, key)
    else if (copy) setOffer(copy)
    const restored = slug && takeRestoreNotice(window.sessionStorage, slug)
    if (restored) say(restored)
  }, [say])

  return {
    offer,
    /** The copy's fields, for the editor to take; the offer is gone. */
    accept: () => {
      setOffer(null)
      return offer?.fields ?? null
    },
    discard: (slug: string | null) => {
      clearLocalCopy(window.localStorage, localCopyKey(slug))
      setOffer(null)
    },
  }
}
