'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { adminRequest, noteApiUrl, type ApiResult, type Problem } from './api'
import { fieldsFromNote, noteFromFields, sameFields, type EditorFields, type ServerNote } from './fields'
import { clearLocalCopy, localCopyKey, writeLocalCopy } from './local-copy'
import type { LiveResult } from './publish-notice'
import type { SaveState } from './save-state'
import { rememberSession, type EditorSession } from './session'

export type EditorInitial = { slug: string | null; version: string | null; draft: boolean; fields: EditorFields }
export type Conflict = { version: string; note: ServerNote }
type SaveResult = { slug: string; version: string; commit: string | null; draft: boolean; problems?: Problem[]; live?: LiveResult }

export const AUTOSAVE_DELAY_MS = 2_000
export const RETRY_DELAY_MS = 10_000

const storage = () => window.localStorage

/** What async work needs, current at the moment it runs (React state is a render behind). */
export type LatestNote = { fields: EditorFields; saved: EditorFields; serverSlug: string | null; draft: boolean; version: string | null; body: EditorSession['body'] }

function initialState(initial: EditorInitial, resumed: EditorSession | null): SaveState {
  if (resumed) return { kind: sameFields(resumed.fields, resumed.saved) ? 'saved' : 'unsaved', at: null }
  return initial.slug ? { kind: 'saved', at: null } : { kind: 'new' }
}

/**
 * The note as the author edits it and its journey to the server. Every change is kept in this
 * browser at once; a draft autosaves after a pause (retrying while offline), a published note only
 * on an explicit save. A save names the version it started from: a note changed elsewhere comes
 * back as a conflict to resolve, never a silent overwrite. One save runs at a time.
 */
export function useNoteSaver(initial: EditorInitial, resumed: EditorSession | null, onSaved: (live: LiveResult | null) => void) {
  const [fields, setFields] = useState(resumed?.fields ?? initial.fields)
  const [savedFields, setSavedFields] = useState(resumed?.saved ?? initial.fields)
  const [serverSlug, setServerSlug] = useState(resumed?.serverSlug ?? initial.slug)
  const [draft, setDraft] = useState(resumed?.draft ?? initial.draft)
  const [state, setState] = useState<SaveState>(() => initialState(initial, resumed))
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<Problem[] | null>(null)
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const latest = useRef<LatestNote>({
    fields,
    saved: savedFields,
    serverSlug,
    draft,
    version: resumed?.version ?? initial.version,
    body: resumed?.body ?? { focused: false, anchor: 0, head: 0 },
  })
  const inFlight = useRef<Promise<boolean> | null>(null)
  const timers = useRef<{ autosave?: number; retry?: number }>({})
  const saveRef = useRef<(commit: boolean) => Promise<boolean>>(async () => false)

  useEffect(() => {
    const { version, saved, body } = latest.current
    rememberSession(serverSlug, { fields, saved, serverSlug, draft, version, body })
  }, [fields, serverSlug, draft, savedFields])

  const markSaved = useCallback((saved: EditorFields) => {
    latest.current.saved = saved
    setSavedFields(saved)
  }, [])

  /** Shows what the server refused: fields, body problems, or the current text of a conflict. */
  const showRefusal = useCallback((result: Exclude<ApiResult<unknown>, { kind: 'ok' }>) => {
    if (result.kind === 'conflict' && result.current) setConflict(result.current)
    if (result.kind === 'invalid') {
      const errors = { ...(result.errors ?? {}) }
      if (result.status === 409 || result.status === 400) errors.slug ??= result.error
      setFieldErrors(errors)
      if (result.problems) setProblems(result.problems)
    }
  }, [])

  const accept = useCallback(
    (snapshot: EditorFields, previousSlug: string | null, data: SaveResult) => {
      const { slug, version } = data
      if (slug !== previousSlug) {
        clearLocalCopy(storage(), localCopyKey(previousSlug))
        window.history.replaceState(null, '', `/admin/notes/${slug}`)
      }
      latest.current.version = version
      latest.current.serverSlug = slug
      markSaved(snapshot)
      setServerSlug(slug)
      setFieldErrors({})
      setProblems(data.problems ?? [])
      if (sameFields(latest.current.fields, snapshot)) clearLocalCopy(storage(), localCopyKey(slug))
      else writeLocalCopy(storage(), localCopyKey(slug), { fields: latest.current.fields, baseVersion: version, savedAt: Date.now() })
      setState({ kind: 'saved', at: Date.now(), committed: data.commit !== null })
      onSaved(data.live ?? null)
    },
    [markSaved, onSaved],
  )

  const save = useCallback(
    async (commit: boolean): Promise<boolean> => {
      window.clearTimeout(timers.current.autosave)
      window.clearTimeout(timers.current.retry)
      while (inFlight.current) await inFlight.current
      // A timer set while the note was a draft may fire after it was published: never autosave it.
      if (!commit && !latest.current.draft) return false
      const current = latest.current
      const snapshot = current.fields
      if (!commit && sameFields(snapshot, current.saved) && current.serverSlug) {
        // Typed back to what the server has: nothing to save, and no field wrong any more.
        setFieldErrors({})
        setState({ kind: 'saved', at: null })
        clearLocalCopy(storage(), localCopyKey(current.serverSlug))
        return true
      }
      if (!snapshot.title.trim()) {
        setFieldErrors({ title: 'Add a title to save the note.' })
        setState({ kind: 'invalid', error: 'Add a title to save the note.' })
        return false
      }
      const run = (async () => {
        setState({ kind: 'saving' })
        const previousSlug = current.serverSlug
        const result = await adminRequest<SaveResult>(noteApiUrl(previousSlug ?? snapshot.slug), 'PUT', {
          version: current.version,
          slug: previousSlug && snapshot.slug !== previousSlug ? snapshot.slug : undefined,
          commit,
          note: noteFromFields(snapshot),
        })
        if (result.kind === 'ok') {
          accept(snapshot, previousSlug, result.data)
          return true
        }
        showRefusal(result)
        if (result.kind === 'conflict') setState({ kind: 'conflict' })
        else if (result.kind === 'offline') {
          setState({ kind: 'offline', error: result.error })
          if (latest.current.draft) timers.current.retry = window.setTimeout(() => void saveRef.current(false), RETRY_DELAY_MS)
        } else setState({ kind: result.kind, error: result.error })
        return false
      })()
      inFlight.current = run
      try {
        return await run
      } finally {
        inFlight.current = null
      }
    },
    [accept, showRefusal],
  )

  useEffect(() => {
    saveRef.current = save
    const pending = timers.current
    return () => {
      window.clearTimeout(pending.autosave)
      window.clearTimeout(pending.retry)
    }
  }, [save])

  const change = useCallback((update: Partial<EditorFields>) => {
    const next = { ...latest.current.fields, ...update }
    latest.current.fields = next
    setFields(next)
    writeLocalCopy(storage(), localCopyKey(latest.current.serverSlug), { fields: next, baseVersion: latest.current.version, savedAt: Date.now() })
    setState((previous) => (previous.kind === 'saving' || previous.kind === 'conflict' ? previous : { kind: 'unsaved' }))
    window.clearTimeout(timers.current.autosave)
    if (latest.current.draft) timers.current.autosave = window.setTimeout(() => void saveRef.current(false), AUTOSAVE_DELAY_MS)
  }, [])

  /** Replaces the editor's text with what the server holds now (`version`), as saved. */
  const adopt = useCallback(
    (version: string, saved: EditorFields, isDraft = latest.current.draft) => {
      latest.current.version = version
      latest.current.fields = saved
      latest.current.draft = isDraft
      markSaved(saved)
      setFields(saved)
      setDraft(isDraft)
      setState({ kind: 'saved', at: Date.now(), committed: true })
    },
    [markSaved],
  )

  const keepMine = useCallback(() => {
    if (!conflict) return
    latest.current.version = conflict.version
    setConflict(null)
    void save(true)
  }, [conflict, save])

  const takeTheirs = useCallback(() => {
    if (!conflict) return
    const theirs = fieldsFromNote(latest.current.serverSlug ?? latest.current.fields.slug, conflict.note)
    adopt(conflict.version, theirs)
    setConflict(null)
    clearLocalCopy(storage(), localCopyKey(latest.current.serverSlug))
  }, [adopt, conflict])

  return {
    fields,
    savedFields,
    dirty: !sameFields(fields, savedFields),
    serverSlug,
    draft,
    state,
    fieldErrors,
    /** The body's problems as the server last reported them; null before any save. */
    problems,
    conflict,
    latest,
    change,
    save,
    adopt,
    showRefusal,
    keepMine,
    takeTheirs,
    dismissConflict: () => setConflict(null),
    /** Where the cursor is, kept with the session so a remounted editor resumes there. */
    rememberCursor: (body: LatestNote['body']) => {
      latest.current.body = body
    },
    forget: () => markSaved(latest.current.fields),
  }
}

export type NoteSaver = ReturnType<typeof useNoteSaver>
