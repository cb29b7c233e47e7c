'use client'

import { useEffect, useState } from 'react'
import { describeSaveState, WARNING_STATES, type SaveState } from '@/lib/editor/save-state'

type SaveStatusProps = { state: SaveState; draft: boolean; dirty: boolean; problems: number }

/** The save state in words, kept current ("Saved 10 s ago") and announced politely. */
export function SaveStatus({ state, draft, dirty, problems }: SaveStatusProps) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 5_000)
    return () => window.clearInterval(tick)
  }, [])
  const warning = WARNING_STATES.includes(state.kind)
  return (
    <p
      role="status"
      data-testid="save-status"
      data-state={state.kind}
      className={`min-w-0 text-sm ${warning ? 'font-medium text-red-800 dark:text-red-300' : 'text-zinc-700 dark:text-zinc-300'}`}
    >
      {describeSaveState(state, { draft, dirty, problems, now: Math.max(now, state.kind === 'saved' && state.at ? state.at : 0) })}
    </p>
  )
}
