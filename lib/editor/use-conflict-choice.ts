'use client'

import { useCallback } from 'react'
import { fieldsFromNote } from './fields'
import { clearLocalCopy, localCopyKey } from './local-copy'
import type { NoteSaver } from './use-note-saver'

/**
 * The author's answer to a conflict: keep mine (saved over the version the server has now, which
 * they have seen in the diff) or take theirs (the editor shows the server's text, as saved).
 */
export function useConflictChoice({ conflict, setConflict, latest, save, adopt, baseOn }: NoteSaver) {
  const keepMine = useCallback(() => {
    if (!conflict) return
    baseOn(conflict.version)
    setConflict(null)
    void save(true)
  }, [baseOn, conflict, save, setConflict])

  const takeTheirs = useCallback(() => {
    if (!conflict) return
    adopt(conflict.version, fieldsFromNote(latest.current.serverSlug ?? latest.current.fields.slug, conflict.note))
    setConflict(null)
    clearLocalCopy(window.localStorage, localCopyKey(latest.current.serverSlug))
  }, [adopt, conflict, latest, setConflict])

  return { keepMine, takeTheirs, dismiss: () => setConflict(null) }
}
