'use client'

import { lazy, Suspense, useEffect, useState } from 'react'

// The dialog, its search library and the index load only when search is first opened.
const SearchDialog = lazy(() => import('./search-dialog'))

/** "Search" in the header: a link to /search without JavaScript; with it, ⌘K / Ctrl+K opens a dialog. */
export function SearchTrigger() {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <>
      <a
        href="/search"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
          event.preventDefault()
          setOpen(true)
        }}
        className="rounded-md px-2 py-2 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Search <kbd className="hidden text-xs text-zinc-600 sm:inline dark:text-zinc-400">Ctrl K</kbd>
      </a>
      {open && (
        <Suspense fallback={null}>
          <SearchDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
