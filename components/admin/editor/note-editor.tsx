'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { previewNoteAction } from './preview-action'
import { slugFromTitle } from '@/lib/notes/slug'
import { adminRequest, noteApiUrl, type Problem } from '@/lib/editor/api'
import { fieldsFromNote, noteFromFields, sameFields, type EditorFields, type ServerNote } from '@/lib/editor/fields'
import { clearLocalCopy, localCopyKey, readLocalCopy, writeLocalCopy, type LocalCopy } from '@/lib/editor/local-copy'
import { onSiteAfter, publishNotice, updateNotice, type DeployResult, type LiveResult, type PublishingMode } from '@/lib/editor/publish-notice'
import { takeRestoreNotice } from '@/lib/editor/restore-notice'
import { forgetSession, rememberSession, resumeSession, type EditorSession } from '@/lib/editor/session'
import { CodeEditor } from './code-editor'
import { ConflictDialog } from './conflict-dialog'
import { FieldInput } from './field-input'
import { ProblemList } from './problem-list'
import { SaveStatus, type SaveState } from './save-status'
import { SharePanel } from './share-panel'

export type EditorInitial = { slug: string | null; version: string | null; draft: boolean; fields: EditorFields }

type NoteEditorProps = {
  initial: EditorInitial
  /** `live`: a publish reaches readers in seconds; `deploy`: with the host's next build. */
  publishing: PublishingMode
  /** Whether readers can open the note now (the public site has it). */
  onSite: boolean
  historyEnabled: boolean
  /** The preview of the note as loaded, rendered with the page (its components are in its bundle). */
  initialPreview: ReactNode
}

type SaveResult = { slug: string; version: string; commit: string | null; draft: boolean; live?: LiveResult }
type PublishResult = SaveResult & { date?: string; deploy: DeployResult }
type Conflict = { version: string; note: ServerNote }

const AUTOSAVE_DELAY_MS = 2_000
const PREVIEW_DELAY_MS = 400
const RETRY_DELAY_MS = 10_000

const storage = () => window.localStorage

/**
 * The note editor: fields, the CodeMirror body and a live server-rendered preview. Every change
 * is kept in this browser at once; drafts autosave to the server after a pause, published notes
 * only on an explicit save ("Update"), as in Ghost. A save names the version it started from, so
 * a note changed elsewhere comes back as a conflict to resolve, never a silent overwrite.
 */
export function NoteEditor({ initial, publishing, onSite: initiallyOnSite, historyEnabled, initialPreview }: NoteEditorProps) {
  const router = useRouter()
  const [resumed] = useState(() => resumeSession(initial.slug, initial.version))
  const [fields, setFields] = useState(resumed?.fields ?? initial.fields)
  const [serverSlug, setServerSlug] = useState(resumed?.serverSlug ?? initial.slug)
  const [draft, setDraft] = useState(resumed?.draft ?? initial.draft)
  const [onSite, setOnSite] = useState(initiallyOnSite)
  const [slugTouched, setSlugTouched] = useState(initial.slug !== null || resumed !== null)
  const [state, setState] = useState<SaveState>(() =>
    resumed ? { kind: sameFields(resumed.fields, resumed.saved) ? 'saved' : 'unsaved', at: null } : initial.slug ? { kind: 'saved', at: null } : { kind: 'new' },
  )
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<Problem[]>([])
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [localOffer, setLocalOffer] = useState<LocalCopy | null>(null)
  const [preview, setPreview] = useState<ReactNode>(initialPreview)
  const [previewProblems, setPreviewProblems] = useState<Problem[]>([])
  const [previewNote, setPreviewNote] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [savedFields, setSavedFields] = useState(resumed?.saved ?? initial.fields)

  // What async saves need, current at the moment they run.
  const latest = useRef({
    fields,
    serverSlug,
    draft,
    version: resumed?.version ?? initial.version,
    saved: savedFields,
    body: resumed?.body ?? { focused: false, anchor: 0, head: 0 },
  })
  const inFlight = useRef<Promise<boolean> | null>(null)
  const timers = useRef<{ autosave?: number; preview?: number; retry?: number }>({})
  const previewRun = useRef(0)

  useEffect(() => {
    latest.current.fields = fields
    latest.current.serverSlug = serverSlug
    latest.current.draft = draft
    const { version, saved, body } = latest.current
    const session: EditorSession = { fields, saved, serverSlug, draft, version, body }
    rememberSession(serverSlug, session)
  }, [fields, serverSlug, draft, savedFields])

  const dirty = !sameFields(fields, savedFields)

  /** Fields the server now holds: what "unsaved changes" is measured against. */
  const markSaved = useCallback((saved: EditorFields) => {
    latest.current.saved = saved
    setSavedFields(saved)
  }, [])

  // The retry timer calls the latest save.
  const saveRef = useRef<(commit: boolean) => Promise<boolean>>(async () => false)

  const save = useCallback(async (commit: boolean): Promise<boolean> => {
    window.clearTimeout(timers.current.autosave)
    window.clearTimeout(timers.current.retry)
    // One save at a time: wait for the one in flight, then save what is newer still.
    while (inFlight.current) await inFlight.current
    // A timer set while the note was a draft may fire after it was published: never autosave it.
    if (!commit && !latest.current.draft) return false
    const snapshot = latest.current.fields
    const current = latest.current
    if (commit === false && sameFields(snapshot, current.saved) && current.serverSlug) {
      // Typed back to what the server has: nothing to save, and nothing wrong any more.
      setFieldErrors({})
      setProblems([])
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
      const target = snapshot.slug
      const result = await adminRequest<SaveResult>(noteApiUrl(current.serverSlug ?? target), 'PUT', {
        version: current.version,
        slug: current.serverSlug && target !== current.serverSlug ? target : undefined,
        commit,
        note: noteFromFields(snapshot),
      })
      switch (result.kind) {
        case 'ok': {
          const { slug, version } = result.data
          if (slug !== current.serverSlug) {
            clearLocalCopy(storage(), localCopyKey(current.serverSlug))
            window.history.replaceState(null, '', `/admin/notes/${slug}`)
          }
          latest.current.version = version
          markSaved(snapshot)
          latest.current.serverSlug = slug
          setServerSlug(slug)
          setFieldErrors({})
          setProblems([])
          if (sameFields(latest.current.fields, snapshot)) clearLocalCopy(storage(), localCopyKey(slug))
          else writeLocalCopy(storage(), localCopyKey(slug), { fields: latest.current.fields, baseVersion: version, savedAt: Date.now() })
          setState({ kind: 'saved', at: Date.now(), committed: result.data.commit !== null })
          const siteNotice = updateNotice(result.data.live ?? null)
          if (siteNotice) setNotice(siteNotice)
          return true
        }
        case 'conflict':
          if (result.current) setConflict(result.current)
          setState({ kind: 'conflict' })
          return false
        case 'invalid': {
          const errors = { ...(result.errors ?? {}) }
          if (result.status === 409 || result.status === 400) errors.slug ??= result.error
          setFieldErrors(errors)
          setProblems(result.problems ?? [])
          setState({ kind: 'invalid', error: result.error })
          return false
        }
        case 'signed-out':
          setState({ kind: 'signed-out', error: result.error })
          return false
        case 'offline':
          setState({ kind: 'offline', error: result.error })
          if (latest.current.draft) timers.current.retry = window.setTimeout(() => void saveRef.current(false), RETRY_DELAY_MS)
          return false
      }
    })()
    inFlight.current = run
    try {
      return await run
    } finally {
      inFlight.current = null
    }
  }, [markSaved])

  useEffect(() => {
    saveRef.current = save
  }, [save])

  const runPreview = useCallback(async () => {
    const run = ++previewRun.current
    const snapshot = latest.current.fields
    try {
      const result = await previewNoteAction({ ...noteFromFields(snapshot), slug: snapshot.slug || 'preview' })
      if (run !== previewRun.current) return
      setPreviewNote(null)
      if (result.ok) {
        setPreview(result.preview)
        setPreviewProblems([])
      } else {
        setPreviewProblems(result.problems)
      }
    } catch {
      if (run === previewRun.current) setPreviewNote('The preview cannot reach the server; it shows your last good version.')
    }
  }, [])

  const change = useCallback(
    (update: Partial<EditorFields>) => {
      setFields((previous) => {
        const next = { ...previous, ...update }
        latest.current.fields = next
        writeLocalCopy(storage(), localCopyKey(latest.current.serverSlug), {
          fields: next,
          baseVersion: latest.current.version,
          savedAt: Date.now(),
        })
        return next
      })
      setState((previous) => (previous.kind === 'saving' || previous.kind === 'conflict' ? previous : { kind: 'unsaved' }))
      window.clearTimeout(timers.current.preview)
      timers.current.preview = window.setTimeout(() => void runPreview(), PREVIEW_DELAY_MS)
      window.clearTimeout(timers.current.autosave)
      if (latest.current.draft) timers.current.autosave = window.setTimeout(() => void save(false), AUTOSAVE_DELAY_MS)
    },
    [runPreview, save],
  )

  // On opening: an offer to restore a newer copy left in this browser. Only on mount: `npm run dev`
  // re-renders the page with the saved version after every save, and that is not a reopening.
  const opened = useRef(resumed ? null : initial)
  useEffect(() => {
    if (!opened.current) return
    const { slug, fields: loaded } = opened.current
    const key = localCopyKey(slug)
    const copy = readLocalCopy(storage(), key)
    if (copy && sameFields(copy.fields, loaded)) clearLocalCopy(storage(), key)
    else if (copy) setLocalOffer(copy)
    const restored = slug && takeRestoreNotice(window.sessionStorage, slug)
    if (restored) setNotice(restored)
  }, [])

  // Leaving with changes the server has not confirmed asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!sameFields(latest.current.fields, latest.current.saved) || !latest.current.serverSlug) {
        if (latest.current.fields.title || latest.current.fields.body) event.preventDefault()
      }
    }
    const retry = () => {
      if (latest.current.draft && !sameFields(latest.current.fields, latest.current.saved)) void save(false)
    }
    window.addEventListener('beforeunload', warn)
    window.addEventListener('online', retry)
    const pending = timers.current
    return () => {
      window.removeEventListener('beforeunload', warn)
      window.removeEventListener('online', retry)
      window.clearTimeout(pending.autosave)
      window.clearTimeout(pending.preview)
      window.clearTimeout(pending.retry)
    }
  }, [save])

  const changeTitle = (title: string) => change(slugTouched || (serverSlug && !draft) ? { title } : { title, slug: slugFromTitle(title) })

  const restoreLocal = () => {
    if (!localOffer) return
    setLocalOffer(null)
    change(localOffer.fields)
    setSlugTouched(true)
  }

  const discardLocal = () => {
    clearLocalCopy(storage(), localCopyKey(serverSlug))
    setLocalOffer(null)
  }

  const keepMine = () => {
    if (!conflict) return
    latest.current.version = conflict.version
    setConflict(null)
    void save(true)
  }

  const takeTheirs = () => {
    if (!conflict) return
    const theirs = fieldsFromNote(latest.current.serverSlug ?? fields.slug, conflict.note)
    latest.current.version = conflict.version
    markSaved(theirs)
    latest.current.fields = theirs
    setFields(theirs)
    setConflict(null)
    clearLocalCopy(storage(), localCopyKey(serverSlug))
    setState({ kind: 'saved', at: Date.now() })
    void runPreview()
  }

  const uploadImage = useCallback(async (file: File): Promise<string | null> => {
    const slug = latest.current.serverSlug ?? latest.current.fields.slug
    if (!slug) {
      setNotice('Give the note a title before adding images (they are stored under its address).')
      return null
    }
    setNotice(`Uploading ${file.name || 'image'}…`)
    const form = new FormData()
    form.append('file', file)
    try {
      const response = await fetch(noteApiUrl(slug, 'images'), { method: 'POST', body: form })
      const data = (await response.json()) as { markdown?: string; error?: string }
      if (!response.ok || !data.markdown) {
        setNotice(`Image not added: ${data.error ?? `the server answered ${response.status}`}`)
        return null
      }
      setNotice('Image added. Describe it in the [brackets]: that text is its alt text for readers who cannot see it.')
      return data.markdown
    } catch {
      setNotice('Image not added: the server cannot be reached.')
      return null
    }
  }, [])

  const setPublished = async (publish: boolean) => {
    if ((dirty || !latest.current.serverSlug) && !(await save(true))) return
    const slug = latest.current.serverSlug!
    setNotice(publish ? 'Publishing…' : 'Unpublishing…')
    const result = await adminRequest<PublishResult>(noteApiUrl(slug, 'publish'), publish ? 'POST' : 'DELETE', { version: latest.current.version })
    if (result.kind !== 'ok') {
      if (result.kind === 'conflict' && result.current) setConflict(result.current)
      if (result.kind === 'invalid') {
        setFieldErrors(result.errors ?? {})
        setProblems(result.problems ?? [])
      }
      setNotice(`${publish ? 'Not published' : 'Not unpublished'}: ${result.error}`)
      return
    }
    const { version, date, deploy, live } = result.data
    const saved = { ...latest.current.fields, date: date ?? latest.current.fields.date }
    latest.current.version = version
    markSaved(saved)
    latest.current.fields = saved
    latest.current.draft = !publish
    setFields(saved)
    setDraft(!publish)
    setState({ kind: 'saved', at: Date.now(), committed: true })
    setNotice(publishNotice(publish, slug, publishing, live ?? null, deploy))
    setOnSite((was) => onSiteAfter(publish, publishing, live ?? null, was))
  }

  const deleteNote = async () => {
    const slug = latest.current.serverSlug
    if (!slug) return
    const warning = historyEnabled
      ? `Delete “${fields.title}”? You can bring it back from the notes list (recently deleted).`
      : `Delete “${fields.title}” for good? The content folder is not in git, so there is no history to restore it from.`
    if (!window.confirm(warning)) return
    const result = await adminRequest<{ commit: string | null }>(noteApiUrl(slug), 'DELETE', { version: latest.current.version })
    if (result.kind !== 'ok') {
      if (result.kind === 'conflict' && result.current) setConflict(result.current)
      setNotice(`Not deleted: ${result.error}`)
      return
    }
    clearLocalCopy(storage(), localCopyKey(slug))
    forgetSession(slug)
    markSaved(latest.current.fields)
    router.push(`/admin?deleted=${encodeURIComponent(slug)}`)
  }

  const slugLocked = Boolean(serverSlug) && !draft
  const bodyProblemsId = 'body-problems'

  return (
    <div
      className="space-y-6"
      onKeyDown={(event) => {
        // The body editor handles its own Ctrl+S (and marks the event handled).
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 's' && !event.defaultPrevented) {
          event.preventDefault()
          void save(true)
        }
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{serverSlug ? 'Edit note' : 'New note'}</h1>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {draft ? 'Draft' : 'Published'}
            {serverSlug && (
              <>
                {' · '}
                {historyEnabled ? (
                  <Link href={`/admin/notes/${serverSlug}/history`} className="text-sky-800 underline dark:text-sky-300">
                    History
                  </Link>
                ) : (
                  'No history: the content folder is not in a git repository'
                )}
                {!draft && onSite && (
                  <>
                    {' · '}
                    <Link href={`/notes/${serverSlug}`} className="text-sky-800 underline dark:text-sky-300">
                      View on site
                    </Link>
                  </>
                )}
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SaveStatus state={state} draft={draft} dirty={dirty} />
          <button type="button" onClick={() => void save(true)} className="rounded-md border border-zinc-500 px-3 py-1.5 text-sm font-medium">
            {draft ? 'Save' : 'Update'} <kbd className="text-xs text-zinc-600 dark:text-zinc-400">Ctrl S</kbd>
          </button>
          <button
            type="button"
            onClick={() => void setPublished(draft)}
            className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-medium text-white dark:bg-sky-300 dark:text-zinc-950"
          >
            {draft ? 'Publish' : 'Unpublish'}
          </button>
          {serverSlug && (
            <button
              type="button"
              onClick={() => void deleteNote()}
              className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 dark:border-red-400 dark:text-red-200"
            >
              Delete
            </button>
          )}
        </div>
      </div>

      {notice && (
        <p role="status" className="rounded-md border border-sky-700/40 bg-sky-50 p-3 text-sm dark:border-sky-300/40 dark:bg-sky-950/60">
          {notice}
        </p>
      )}

      {localOffer && (
        <div role="alert" className="space-y-2 rounded-md border border-amber-700/50 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-300/50 dark:bg-amber-950/60 dark:text-amber-50">
          <p>
            This browser kept changes to this note that the server never confirmed (from {new Date(localOffer.savedAt).toLocaleString()}).
          </p>
          <div className="flex gap-2">
            <button type="button" onClick={restoreLocal} className="rounded-md bg-amber-800 px-3 py-1 font-medium text-white dark:bg-amber-200 dark:text-zinc-950">
              Restore local changes
            </button>
            <button type="button" onClick={discardLocal} className="rounded-md border border-amber-800 px-3 py-1 dark:border-amber-200">
              Discard them
            </button>
          </div>
        </div>
      )}

      {conflict && (
        <ConflictDialog
          mine={fields}
          theirs={fieldsFromNote(fields.slug, conflict.note)}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
          onClose={() => setConflict(null)}
        />
      )}

      <div className="grid gap-8 lg:grid-cols-2">
        <form className="min-w-0 space-y-4" onSubmit={(event) => (event.preventDefault(), void save(true))} noValidate>
          <FieldInput label="Title" name="title" value={fields.title} error={fieldErrors.title} onChange={changeTitle} required />
          <FieldInput
            label="Slug"
            name="slug"
            value={fields.slug}
            error={fieldErrors.slug}
            hint={slugLocked ? `The address /notes/${fields.slug} is public; unpublish to change it.` : `The address: /notes/${fields.slug || '…'}`}
            readOnly={slugLocked}
            onChange={(slug) => {
              setSlugTouched(true)
              change({ slug })
            }}
          />
          <FieldInput label="Summary" name="summary" value={fields.summary} error={fieldErrors.summary} onChange={(summary) => change({ summary })} multiline hint="One or two sentences for lists, feeds and search results." />
          <FieldInput label="Tags" name="tags" value={fields.tags} error={fieldErrors.tags} onChange={(tags) => change({ tags })} hint="Separated by commas, e.g. CUDA, PyTorch" />
          <div className="grid gap-4 sm:grid-cols-2">
            <FieldInput label="Series" name="series" value={fields.series} error={fieldErrors.series} onChange={(series) => change({ series })} />
            <FieldInput label="Part" name="seriesOrder" value={fields.seriesOrder} error={fieldErrors.seriesOrder} onChange={(seriesOrder) => change({ seriesOrder })} inputMode="numeric" />
            <FieldInput label="Date" name="date" type="date" value={fields.date} error={fieldErrors.date} onChange={(date) => change({ date })} hint={draft ? 'Set when you publish, if empty.' : undefined} />
            <FieldInput label="Updated" name="updated" type="date" value={fields.updated} error={fieldErrors.updated} onChange={(updated) => change({ updated })} />
          </div>
          <div className="space-y-1">
            <label htmlFor="note-body" className="block text-sm font-medium">
              Body
            </label>
            <CodeEditor
              id="note-body"
              value={fields.body}
              onChange={(body) => change({ body })}
              onSave={() => void save(true)}
              uploadImage={uploadImage}
              resumeAt={resumed?.body.focused ? resumed.body : undefined}
              onSelection={(body) => (latest.current.body = body)}
              describedBy={problems.length ? bodyProblemsId : undefined}
              invalid={problems.length > 0}
            />
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Markdown with $math$, fenced code, and the note components. Paste or drop an image to add it. Tab moves on to the next control.
            </p>
            {fieldErrors.body && <p className="text-sm text-red-800 dark:text-red-300">{fieldErrors.body}</p>}
            <ProblemList id={bodyProblemsId} title="Not saved to the server: the body has problems" problems={problems} />
          </div>
          {serverSlug && draft && <SharePanel slug={serverSlug} />}
        </form>

        <section aria-labelledby="preview-heading" className="min-w-0 space-y-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          <h2 id="preview-heading" className="text-sm font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
            Preview
          </h2>
          <ProblemList id="preview-problems" title="The preview shows the last version without errors" problems={previewProblems} />
          {previewNote && <p className="text-sm text-amber-900 dark:text-amber-200">{previewNote}</p>}
          <div data-testid="preview" className="space-y-8 rounded-lg border border-zinc-200 p-4 sm:p-6 dark:border-zinc-800">
            {preview ?? <p className="text-sm text-zinc-600 dark:text-zinc-400">Rendering…</p>}
          </div>
        </section>
      </div>
    </div>
  )
}
