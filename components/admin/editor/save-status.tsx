'use client'

import { useEffect, useState } from 'react'
import { savedAgo } from '@/lib/editor/saved-ago'

export type SaveState =
  | { kind: 'new' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number | null; committed?: boolean }
  | { kind: 'offline'; error: string }
  | { kind: 'invalid'; error: string }
  | { kind: 'signed-out'; error: string }
  | { kind: 'conflict' }

function describe(state: SaveState, draft: boolean, dirty: boolean, now: number): string {
  switch (state.kind) {
    case 'new':
      return 'Not saved yet'
    case 'unsaved':
      return draft ? 'Unsaved changes' : 'Unsaved changes, kept in this browser: Update to publish them'
    case 'saving':
      return 'Saving…'
    case 'saved':
      if (dirty) return 'Unsaved changes'
      if (state.at === null) return 'All changes saved'
      return `Saved ${savedAgo(state.at, now)}${state.committed ? ' (revision recorded)' : ''}`
    case 'offline':
      return `Offline — kept locally. ${state.error} Retrying…`
    case 'invalid':
      return `Not saved — kept locally. ${state.error}`
    case 'signed-out':
      return `Not saved — kept locally. ${state.error}`
    case 'conflict':
      return 'Not saved: this note changed elsewhere. Choose which version to keep.'
  }
}

/** The save state in words, kept current ("Saved 10 s ago") and announced politely. */
export function SaveStatus({ state, draft, dirty }: { state: SaveState; draft: boolean; dirty: boolean }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 5_000)
    return () => window.clearInterval(tick)
  }, [])
  const warning = ['offline', 'invalid', 'signed-out', 'conflict'].includes(state.kind)
  return (
    <p
      role="status"
      data-testid="save-status"
      data-state={state.kind}
      className={`max-w-md text-sm ${warning ? 'font-medium text-red-800 dark:text-red-300' : 'text-zinc-700 dark:text-zinc-300'}`}
    >
      {describe(state, draft, dirty, Math.max(now, state.kind === 'saved' && state.at ? state.at : 0))}
    </p>
  )
}
