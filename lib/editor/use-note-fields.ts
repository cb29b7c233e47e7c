'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { sameFields, type EditorFields } from './fields'
import { clearLocalCopy, localCopyKey, writeLocalCopy } from './local-copy'
import { rememberSession, type EditorSession } from './session'

export type EditorInitial = { slug: string | null; version: string | null; draft: boolean; fields: EditorFields }

/** What async work needs, current at the moment it runs (React state is a render behind). */
export type LatestNote = { fields: EditorFields; saved: EditorFields; serverSlug: string | null; draft: boolean; version: string | null; body: EditorSession['body'] }

/**
 * The note as the author has it: the fields, what the server last confirmed, its slug there and
 * whether it is a draft. Every change is kept in this browser at once (a local copy, and the tab's
 * session so a remounted editor resumes where it was, cursor and all).
 */
export function useNoteFields(initial: EditorInitial, resumed: EditorSession | null) {
  const [fields, setFields] = useState(resumed?.fields ?? initial.fields)
  const [savedFields, setSavedFields] = useState(resumed?.saved ?? initial.fields)
  const [serverSlug, setServerSlug] = useState(resumed?.serverSlug ?? initial.slug)
  const [draft, setDraft] = useState(resumed?.draft ?? initial.draft)
  const latest = useRef<LatestNote>({
    fields,
    saved: savedFields,
    serverSlug,
    draft,
    version: resumed?.version ?? initial.version,
    body: resumed?.body ?? { focused: false, anchor: 0, head: 0 },
  })

  useEffect(() => {
    const { version, saved, body } = latest.current
    rememberSession(serverSlug, { fields, saved, serverSlug, draft, version, body })
  }, [fields, serverSlug, draft, savedFields])

  const edit = useCallback((update: Partial<EditorFields>) => {
    const next = { ...latest.current.fields, ...update }
    latest.current.fields = next
    setFields(next)
    writeLocalCopy(window.localStorage, localCopyKey(latest.current.serverSlug), { fields: next, baseVersion: latest.current.version, savedAt: Date.now() })
  }, [])

  /** The server holds `saved` at `version` now (and under `slug`, when it moved). */
  const confirm = useCallback((version: string | null, saved: EditorFields, slug = latest.current.serverSlug) => {
    latest.current.version = version
    latest.current.saved = saved
    latest.current.serverSlug = slug
    setSavedFields(saved)
    setServerSlug(slug)
  }, [])

  /**
   * A save the server acknowledged: the address follows a new slug, and this browser's copy goes
   * unless the author typed on meanwhile (then it is kept, against the new version).
   */
  const confirmSave = useCallback(
    (previousSlug: string | null, slug: string, version: string, snapshot: EditorFields) => {
      if (slug !== previousSlug) {
        clearLocalCopy(window.localStorage, localCopyKey(previousSlug))
        window.history.replaceState(null, '', `/admin/notes/${slug}`)
      }
      confirm(version, snapshot, slug)
      const now = latest.current.fields
      if (sameFields(now, snapshot)) clearLocalCopy(window.localStorage, localCopyKey(slug))
      else writeLocalCopy(window.localStorage, localCopyKey(slug), { fields: now, baseVersion: version, savedAt: Date.now() })
    },
    [confirm],
  )

  /** The editor takes the server's text as its own (theirs in a conflict, a publish's new date). */
  const replace = useCallback((fieldsNow: EditorFields, isDraft: boolean) => {
    latest.current.fields = fieldsNow
    latest.current.draft = isDraft
    setFields(fieldsNow)
    setDraft(isDraft)
  }, [])

  return {
    fields,
    savedFields,
    serverSlug,
    draft,
    latest,
    edit,
    confirm,
    confirmSave,
    replace,
    /** Saves in flight name the version the author has now seen (keep mine in a conflict). */
    baseOn: (version: string) => {
      latest.current.version = version
    },
    /** Where the cursor is, kept with the session so a remounted editor resumes there. */
    rememberCursor: (body: LatestNote['body']) => {
      latest.current.body = body
    },
  }
}
