'use client'

import { useEffect, useState, useSyncExternalStore } from 'react'

export type EditorView = 'write' | 'split' | 'preview'

const WIDE = '(min-width: 64rem)'
const subscribeWide = (change: () => void) => {
  const query = window.matchMedia(WIDE)
  query.addEventListener('change', change)
  return () => query.removeEventListener('change', change)
}

// Kept for the tab's life: a new note's first save moves it to its own page, which remounts the
// editor; the author's view and panel come back as they were (the text does, through the session).
const remembered: { details: boolean; view: EditorView } = { details: false, view: 'split' }

/**
 * How the editor is laid out: the body beside the preview (wide screens), or one of them; the
 * Details panel open or not; focus mode (title and body alone). A refusal that names a field in
 * the panel opens it, so the author sees what to fix.
 */
export function useEditorLayout(fieldErrors: Record<string, string>) {
  const [details, setDetailsState] = useState(() => remembered.details)
  const [view, setViewState] = useState<EditorView>(() => remembered.view)
  const setDetails = (update: boolean | ((open: boolean) => boolean)) =>
    setDetailsState((open) => (remembered.details = typeof update === 'function' ? update(open) : update))
  const setView = (next: EditorView) => setViewState((remembered.view = next))
  const [focus, setFocus] = useState(false)
  // Side by side needs a wide screen; a phone shows the body, or the preview.
  const wide = useSyncExternalStore(subscribeWide, () => window.matchMedia(WIDE).matches, () => true)
  const shown: EditorView = !wide && view === 'split' ? 'write' : view

  const panelErrors = Object.keys(fieldErrors).some((field) => field !== 'title' && field !== 'body')
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- opened by the server's answer
    if (panelErrors) setDetails(true)
  }, [panelErrors])

  return {
    details,
    toggleDetails: () => setDetails((open) => !open),
    closeDetails: () => setDetails(false),
    view: shown,
    setView,
    focus,
    toggleFocus: () => setFocus((on) => !on),
    leaveFocus: () => setFocus(false),
    classes: layoutClasses(shown, details, focus),
  }
}

/** Tailwind classes for the columns: written out whole, so Tailwind finds them. */
function layoutClasses(view: EditorView, details: boolean, focus: boolean) {
  if (focus) return { grid: 'grid gap-6', body: 'min-w-0 space-y-3', preview: 'hidden' }
  const grid =
    view === 'split' ? (details ? 'lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_18rem]' : 'lg:grid-cols-2') : details ? 'lg:grid-cols-[minmax(0,1fr)_18rem]' : ''
  return {
    grid: `grid gap-6 ${grid}`,
    body: `min-w-0 space-y-3 ${view === 'preview' ? 'hidden' : ''} ${view === 'write' && !details ? 'mx-auto w-full max-w-3xl' : ''}`,
    preview: view === 'write' ? 'hidden' : view === 'split' ? 'hidden lg:block lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto' : 'mx-auto w-full max-w-3xl',
  }
}
