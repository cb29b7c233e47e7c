'use client'

import Link from 'next/link'
import { useRef, useState } from 'react'
import type { SaveState } from '@/lib/editor/save-state'
import type { EditorView } from '@/lib/editor/use-editor-layout'
import { LocalTime } from '../local-time'
import { SaveStatus } from './save-status'
import { ScheduleForm } from './schedule-form'

type EditorBarProps = {
  serverSlug: string | null
  draft: boolean
  /** When a note scheduled for later becomes public (ISO); null when it is not waiting. */
  scheduledFor: string | null
  onSite: boolean
  historyEnabled: boolean
  state: SaveState
  dirty: boolean
  problems: number
  onSave: () => void
  onPublish: () => void
  onUnpublish: () => void
  onSchedule: (choice: { publishAt: string; date: string }) => Promise<string | null>
  details: boolean
  onDetails: () => void
  view: EditorView
  onView: (view: EditorView) => void
  focus: boolean
  onFocus: () => void
}

const linkClass = 'text-sky-800 underline dark:text-sky-300'
const quietButton = 'rounded-md border border-zinc-400 px-2 py-1.5 text-sm font-medium sm:px-2.5 aria-pressed:bg-zinc-200 aria-expanded:bg-zinc-200 dark:border-zinc-600 dark:aria-pressed:bg-zinc-700 dark:aria-expanded:bg-zinc-700'
const VIEWS: { view: EditorView; label: string; wideOnly?: boolean }[] = [
  { view: 'write', label: 'Write' },
  { view: 'split', label: 'Split', wideOnly: true },
  { view: 'preview', label: 'Preview' },
]

/** Pinned above the writing: where the note stands, and every action on it. */
export function EditorBar(props: EditorBarProps) {
  const { serverSlug, draft, scheduledFor, onSite, historyEnabled, state, dirty, problems, details, view, focus } = props
  const [scheduling, setScheduling] = useState(false)
  const scheduleButton = useRef<HTMLButtonElement>(null)
  // The form goes away: focus goes back to the button that opened it, not to the page's start.
  const closeSchedule = () => {
    setScheduling(false)
    requestAnimationFrame(() => scheduleButton.current?.focus())
  }
  const schedule = async (choice: { publishAt: string; date: string }) => {
    const refusal = await props.onSchedule(choice)
    if (refusal === null) closeSchedule()
    return refusal
  }
  return (
    <div className="sticky top-0 z-20 -mx-4 border-b border-zinc-200 bg-white/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className={`order-last min-w-0 sm:order-none ${focus ? 'sr-only' : ''}`}>
          <h1 className="sr-only text-lg font-bold tracking-tight sm:not-sr-only">{serverSlug ? 'Edit note' : 'New note'}</h1>
          <p className="text-xs text-zinc-700 dark:text-zinc-300">
            {draft ? 'Draft' : scheduledFor ? <>Scheduled for <LocalTime iso={scheduledFor} /></> : 'Published'}
            {serverSlug && (
              <>
                {' · '}
                {historyEnabled ? (
                  <Link href={`/admin/notes/${serverSlug}/history`} className={linkClass}>
                    History
                  </Link>
                ) : (
                  'No history: the content folder is not in a git repository'
                )}
                {!draft && onSite && (
                  <>
                    {' · '}
                    <Link href={`/notes/${serverSlug}`} className={linkClass}>
                      View on site
                    </Link>
                  </>
                )}
              </>
            )}
          </p>
        </div>
        <div className="order-last min-w-0 flex-1 sm:order-none">
          <SaveStatus state={state} draft={draft} dirty={dirty} problems={problems} />
        </div>
        <div className="flex flex-wrap items-center gap-1.5 sm:ml-auto sm:gap-2">
          {!focus && (
            <div role="group" aria-label="View" className="flex rounded-md border border-zinc-400 p-0.5 dark:border-zinc-600">
              {VIEWS.map((option) => (
                <button
                  key={option.view}
                  type="button"
                  aria-pressed={view === option.view}
                  onClick={() => props.onView(option.view)}
                  className={`rounded px-1.5 py-1 text-sm aria-pressed:bg-zinc-200 sm:px-2 aria-pressed:font-medium dark:aria-pressed:bg-zinc-700 ${option.wideOnly ? 'hidden lg:block' : ''}`}
                >
                  {option.label}
                </button>
              ))}
            </div>
          )}
          {!focus && (
            <button type="button" aria-expanded={details} aria-controls="note-details" onClick={props.onDetails} className={quietButton}>
              Details
            </button>
          )}
          <button type="button" aria-pressed={focus} onClick={props.onFocus} className={`hidden sm:block ${quietButton}`} title="Focus: only the title and the body (Esc leaves)">
            {focus ? 'Leave focus (Esc)' : 'Focus'}
          </button>
          <button type="button" onClick={props.onSave} className="rounded-md border border-zinc-500 px-2 py-1.5 text-sm font-medium sm:px-3">
            {draft ? 'Save' : 'Update'} <kbd className="hidden text-xs text-zinc-600 sm:inline dark:text-zinc-400">Ctrl S</kbd>
          </button>
          {(draft || scheduledFor) && (
            <button ref={scheduleButton} type="button" aria-expanded={scheduling} onClick={() => setScheduling((open) => !open)} className={quietButton}>
              {scheduledFor ? 'Reschedule…' : 'Schedule…'}
            </button>
          )}
          {draft || scheduledFor ? (
            <button type="button" onClick={props.onPublish} className="rounded-md bg-sky-800 px-2 py-1.5 text-sm font-medium text-white sm:px-3 dark:bg-sky-300 dark:text-zinc-950">
              {scheduledFor ? 'Publish now' : 'Publish'}
            </button>
          ) : null}
          {!draft && (
            <button type="button" onClick={props.onUnpublish} className={quietButton}>
              {scheduledFor ? 'Unschedule' : 'Unpublish'}
            </button>
          )}
        </div>
      </div>
      {scheduling && !focus && <ScheduleForm onSchedule={schedule} onCancel={closeSchedule} />}
    </div>
  )
}
