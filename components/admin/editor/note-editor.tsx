'use client'

import type { EditorView as CodeMirrorView } from '@codemirror/view'
import { useCallback, useRef, useState, type ReactNode } from 'react'
import type { Problem } from '@/lib/editor/api'
import { fieldsFromNote, type EditorFields } from '@/lib/editor/fields'
import { updateNotice, type LiveResult, type PublishingMode } from '@/lib/editor/publish-notice'
import { resumeSession } from '@/lib/editor/session'
import { slugFromTitle } from '@/lib/notes/slug'
import { uploadNoteImage } from '@/lib/editor/image-upload'
import { useLeaveGuard } from '@/lib/editor/use-leave-guard'
import { useLivePreview, type RenderPreview } from '@/lib/editor/use-live-preview'
import { useLocalCopyOffer } from '@/lib/editor/use-local-copy-offer'
import { useConflictChoice } from '@/lib/editor/use-conflict-choice'
import { useEditorLayout } from '@/lib/editor/use-editor-layout'
import { useNoteSaver, type EditorInitial } from '@/lib/editor/use-note-saver'
import { usePublishing } from '@/lib/editor/use-publishing'
import { goToProblem } from './code-editor-setup'
import { ConflictDialog } from './conflict-dialog'
import { DetailsPanel } from './details-panel'
import { EditorBar } from './editor-bar'
import { EditorNotices } from './editor-notices'
import { PreviewPane } from './preview-pane'
import { TitleField } from './title-field'
import { WritingArea } from './writing-area'

export type { EditorInitial }

type NoteEditorProps = {
  initial: EditorInitial
  /** `live`: a publish reaches readers in seconds; `deploy`: with the host's next build. */
  publishing: PublishingMode
  /** Whether readers can open the note now (the public site has it). */
  onSite: boolean
  /** When the note, scheduled for later, becomes public (ISO); null when it is not waiting. */
  scheduledFor?: string | null
  historyEnabled: boolean
  /** The preview of the note as loaded, and the problems of its saved body. */
  initialPreview: ReactNode
  initialProblems?: Problem[]
  /** The server action that renders the preview. */
  renderPreview: RenderPreview
}

/**
 * The note editor: the title and a wide body first, the other fields in a side panel, status and
 * actions pinned above, and a live server-rendered preview beside (or instead of) the body.
 */
export function NoteEditor({ initial, publishing, onSite, scheduledFor = null, historyEnabled, initialPreview, initialProblems = [], renderPreview }: NoteEditorProps) {
  const [resumed] = useState(() => resumeSession(initial.slug, initial.version))
  const [notice, setNotice] = useState<string | null>(null)
  const onSaved = useCallback((live: LiveResult | null) => {
    const text = updateNotice(live)
    if (text) setNotice(text)
  }, [])
  const saver = useNoteSaver(initial, resumed, onSaved)
  const conflict = useConflictChoice(saver)
  const { fields, serverSlug, draft, change, save, latest } = saver
  const live = useLivePreview(fields, renderPreview, { preview: initialPreview, problems: initialProblems })
  const actions = usePublishing(saver, { mode: publishing, onSite, scheduledFor, historyEnabled, say: setNotice })
  const uploadImage = (file: File) => uploadNoteImage(latest.current.serverSlug ?? latest.current.fields.slug, file, setNotice)
  const local = useLocalCopyOffer(initial, resumed !== null, setNotice)
  useLeaveGuard(latest, save)

  const [slugTouched, setSlugTouched] = useState(initial.slug !== null || resumed !== null)
  const layout = useEditorLayout(saver.fieldErrors)
  const body = useRef<CodeMirrorView | null>(null)

  const problems = live.unreachable ? (saver.problems ?? []) : live.problems
  const takeLocalCopy = (copy: EditorFields | null) => copy && (change(copy), setSlugTouched(true))
  const changeTitle = (title: string) => change(slugTouched || (serverSlug && !draft) ? { title } : { title, slug: slugFromTitle(title) })

  return (
    <div
      data-editor
      className={layout.focus ? 'fixed inset-0 z-50 overflow-y-auto bg-white px-4 pb-8 sm:px-6 dark:bg-zinc-950' : 'space-y-4'}
      onKeyDown={(event) => {
        if (event.defaultPrevented) return
        // The body editor handles its own Ctrl+S (and marks the event handled).
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 's') {
          event.preventDefault()
          void save(true)
        } else if (event.key === 'Escape' && layout.focus) layout.leaveFocus()
        else if (event.key === 'Escape' && layout.details) layout.closeDetails()
      }}
    >
      <EditorBar
        serverSlug={serverSlug}
        draft={draft}
        scheduledFor={draft ? null : actions.scheduledFor}
        onSite={actions.onSite}
        historyEnabled={historyEnabled}
        state={saver.state}
        dirty={saver.dirty}
        problems={(saver.problems ?? initialProblems).length}
        onSave={() => void save(true)}
        onPublish={() => void actions.setPublished(true)}
        onUnpublish={() => void actions.setPublished(false)}
        onSchedule={actions.schedule}
        details={layout.details}
        onDetails={layout.toggleDetails}
        view={layout.view}
        onView={layout.setView}
        focus={layout.focus}
        onFocus={layout.toggleFocus}
      />
      <div className={layout.focus ? 'mx-auto mt-4 max-w-3xl space-y-4' : 'space-y-4'}>
        <EditorNotices notice={notice} offer={local.offer} onRestore={() => takeLocalCopy(local.accept())} onDiscard={() => local.discard(serverSlug)} />
        {saver.conflict && (
          <ConflictDialog
            mine={fields}
            theirs={fieldsFromNote(fields.slug, saver.conflict.note)}
            onKeepMine={conflict.keepMine}
            onTakeTheirs={conflict.takeTheirs}
            onClose={conflict.dismiss}
          />
        )}
        <div className={layout.classes.grid}>
          <form className={layout.classes.body} onSubmit={(event) => (event.preventDefault(), void save(true))} noValidate>
            <TitleField value={fields.title} error={saver.fieldErrors.title} onChange={changeTitle} />
            <WritingArea
              value={fields.body}
              onChange={(text) => change({ body: text })}
              onSave={() => void save(true)}
              uploadImage={uploadImage}
              problems={problems}
              bodyError={saver.fieldErrors.body}
              draft={draft}
              resumeAt={resumed?.body.focused ? resumed.body : undefined}
              onSelection={saver.rememberCursor}
              onReady={(view) => (body.current = view)}
              onSelectProblem={(problem) => body.current && goToProblem(body.current, problem)}
              focus={layout.focus}
            />
          </form>
          <PreviewPane preview={live.preview} stale={live.problems.length > 0 && live.rendered} unreachable={live.unreachable} className={layout.classes.preview} />
          {layout.details && !layout.focus && (
            <div className="order-first lg:order-none">
              <DetailsPanel
                fields={fields}
                errors={saver.fieldErrors}
                change={change}
                onSlug={(slug) => (setSlugTouched(true), change({ slug }))}
                serverSlug={serverSlug}
                draft={draft}
                scheduled={!draft && actions.scheduledFor !== null}
                onClose={layout.closeDetails}
                onDelete={() => void actions.deleteNote()}
              />
            </div>
          )}
        </div>
      </div>
    </div>
  )
}
