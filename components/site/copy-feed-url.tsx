'use client'

import { useId, useState } from 'react'

/** A feed address to paste into a reader, with a button that copies it. */
export function CopyFeedUrl({ url, label }: { url: string; label: string }) {
  const id = useId()
  const [copied, setCopied] = useState(false)

  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-zinc-400 bg-white px-3 py-2 font-mono text-sm text-zinc-950 dark:border-zinc-600 dark:bg-zinc-900 dark:text-white"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded-md bg-sky-800 px-3 py-2 text-sm font-medium text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950"
        >
          <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
        </button>
      </div>
    </div>
  )
}
