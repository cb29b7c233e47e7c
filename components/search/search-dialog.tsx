'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { Highlighted } from './highlighted'
import { loadSearch, searchNotes, type ShownResult } from './search-client'

const MAX_RESULTS = 10

/** The search dialog: type, move with ↑/↓, open with Enter; Escape closes. */
export default function SearchDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter()
  const dialog = useRef<HTMLDialogElement>(null)
  const [ready, setReady] = useState(false)
  const [failed, setFailed] = useState(false)
  const [query, setQuery] = useState('')
  // The results and the query they are for: the last ones stay shown while the next load.
  const [shown, setShown] = useState<{ query: string; results: ShownResult[] }>({ query: '', results: [] })
  const [active, setActive] = useState(0)

  useEffect(() => {
    const element = dialog.current
    element?.showModal()
    loadSearch().then(() => setReady(true), () => setFailed(true))
    return () => element?.close()
  }, [])

  useEffect(() => {
    if (!ready) return
    let wanted = true
    const found = query.trim() ? searchNotes(query, MAX_RESULTS) : Promise.resolve([])
    found.then(
      (results) => {
        if (!wanted) return
        setFailed(false)
        setShown({ query, results })
      },
      () => wanted && setFailed(true),
    )
    return () => {
      wanted = false
    }
  }, [ready, query])

  const results = shown.results

  const open = (url: string) => {
    onClose()
    router.push(url)
  }

  return (
    <dialog
      ref={dialog}
      aria-label="Search notes"
      onCancel={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="mx-auto mt-[10vh] w-[min(40rem,92vw)] rounded-lg border border-zinc-300 bg-white p-0 text-zinc-900 backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="p-3">
        <input
          autoFocus
          type="search"
          role="combobox"
          aria-label="Search notes"
          aria-expanded={results.length > 0}
          aria-controls="search-results"
          aria-activedescendant={results[active] ? `search-result-${active}` : undefined}
          placeholder="Search notes: words, or code like cudaMalloc"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((current) => Math.min(current + 1, results.length - 1))
            else if (event.key === 'ArrowUp') setActive((current) => Math.max(current - 1, 0))
            else if (event.key === 'Enter' && results[active]) open(results[active].url)
            // A search field would spend the first Escape clearing itself.
            else if (event.key === 'Escape') onClose()
            else return
            event.preventDefault()
          }}
          className="w-full rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-950"
        />
      </div>
      <p role="status" className="px-4 pb-2 text-sm text-zinc-700 dark:text-zinc-300">
        {failed
          ? 'Search could not load. Try the search page instead.'
          : !ready
            ? 'Loading…'
            : query.trim() && shown.query === query && results.length === 0
              ? `No notes match “${query}”.`
              : ''}
      </p>
      <ul id="search-results" role="listbox" aria-label="Results" className="max-h-[60vh] overflow-y-auto px-2 pb-2">
        {results.map((result, position) => (
          <li
            key={result.id}
            id={`search-result-${position}`}
            role="option"
            aria-selected={position === active}
            onMouseEnter={() => setActive(position)}
            onClick={() => open(result.url)}
            className={`cursor-pointer rounded-md px-3 py-2 ${position === active ? 'bg-sky-100 dark:bg-sky-950' : ''}`}
          >
            <span className="block font-medium">
              <Highlighted text={result.title} terms={result.terms} />
              {result.heading ? (
                <>
                  {' › '}
                  <Highlighted text={result.heading} terms={result.terms} />
                </>
              ) : null}
            </span>
            <span className="block text-sm text-zinc-700 dark:text-zinc-300">
              <Highlighted text={result.excerpt} terms={result.terms} />
            </span>
          </li>
        ))}
      </ul>
    </dialog>
  )
}
