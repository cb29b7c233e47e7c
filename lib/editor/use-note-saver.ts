'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { adminRequest, noteApiUrl, saveRequest, type ApiResult, type Problem } from './api'
import { sameFields, type EditorFields, type ServerNote } from './fields'
import { clearLocalCopy, localCopyKey } from './local-copy'
import type { LiveResult } from './publish-notice'
import { initialSaveState, type SaveState } from './save-state'
import type { EditorSession } from './session'
import { useNoteFields, type EditorInitial } from './use-note-fields'

export type { EditorInitial, LatestNote } from './use-note-fields'
export type Conflict = { version: string; note: ServerNote }
type SaveResult = { slug: string; version: string; commit: string | null; draft: boolean; problems?: Problem[]; live?: LiveResult }

export const AUTOSAVE_DELAY_MS = 2_000
export const RETRY_DELAY_MS = 10_000

/**
 * The note's journey to the server. A draft autosaves after a pause (retrying while offline), a
 * published note only on an explicit save. A save names the version it started from: a note
 * changed elsewhere comes back as a conflict to resolve, never a silent overwrite. One save runs
 * at a time.
 */
export function useNoteSaver(initial: EditorInitial, resumed: EditorSession | null, onSaved: (live: LiveResult | null) => void) {
  const note = useNoteFields(initial, resumed)
  const { latest, edit, confirm, confirmSave, replace } = note
  const [state, setState] = useState<SaveState>(() => initialSaveState(initial.slug, resumed))
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<Problem[] | null>(null)
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const inFlight = useRef<Promise<boolean> | null>(null)
  const timers = useRef<{ autosave?: number; retry?: number }>({})
  const saveRef = useRef<(commit: boolean) => Promise<boolean>>(async () => false)

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
      confirmSave(previousSlug, data.slug, data.version, snapshot)
      setFieldErrors({})
      setProblems(data.problems ?? [])
      setState({ kind: 'saved', at: Date.now(), committed: data.commit !== null })
      onSaved(data.live ?? null)
    },
    [confirmSave, onSaved],
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
        clearLocalCopy(window.localStorage, localCopyKey(current.serverSlug))
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
        const result = await adminRequest<SaveResult>(noteApiUrl(previousSlug ?? snapshot.slug), 'PUT', saveRequest(current, snapshot, commit))
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
    [accept, latest, showRefusal],
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
    edit(update)
    setState((previous) => (previous.kind === 'saving' || previous.kind === 'conflict' ? previous : { kind: 'unsaved' }))
    window.clearTimeout(timers.current.autosave)
    if (latest.current.draft) timers.current.autosave = window.setTimeout(() => void saveRef.current(false), AUTOSAVE_DELAY_MS)
  }, [edit, latest])

  /** Replaces the editor's text with what the server holds now (`version`), as saved. */
  const adopt = useCallback(
    (version: string, saved: EditorFields, isDraft = latest.current.draft) => {
      confirm(version, saved)
      replace(saved, isDraft)
      setState({ kind: 'saved', at: Date.now(), committed: true })
    },
    [confirm, latest, replace],
  )

  return {
    ...note,
    dirty: !sameFields(note.fields, note.savedFields),
    state,
    fieldErrors,
    /** The body's problems as the server last reported them; null before any save. */
    problems,
    conflict,
    setConflict,
    change,
    save,
    adopt,
    showRefusal,
    /** Nothing left to warn about on leaving (the note is deleted). */
    forget: () => confirm(latest.current.version, latest.current.fields),
  }
}

export type NoteSaver = ReturnType<typeof useNoteSaver>
