'use client'

import { useId } from 'react'
import { useCopyToClipboard } from '@/components/ui/use-copy-to-clipboard'

/** A feed address to paste into a reader, with a button that copies it. */
export function CopyFeedUrl({ url, label }: { url: string; label: string }) {
  const id = useId()
  const { copied, copy } = useCopyToClipboard()

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
          onClick={() => copy(url)}
          className="rounded-md bg-sky-800 px-3 py-2 text-sm font-medium text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950"
        >
          <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
        </button>
      </div>
    </div>
  )
}
