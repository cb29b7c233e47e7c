'use client'

import { useState } from 'react'

/** Copies the text of the code block it belongs to. */
export function CopyButton() {
  const [copied, setCopied] = useState(false)

  async function copy(event: React.MouseEvent<HTMLButtonElement>) {
    const code = event.currentTarget.closest('[data-code-block]')?.querySelector('pre')?.textContent ?? ''
    try {
      await navigator.clipboard.writeText(code)
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    } catch {
      setCopied(false)
    }
  }

  return (
    <button
      type="button"
      onClick={copy}
      className="rounded-md border border-zinc-300 bg-white px-2 py-1 font-sans text-xs text-zinc-700 opacity-90 hover:opacity-100 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200"
    >
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
      <span className="sr-only"> code</span>
    </button>
  )
}
