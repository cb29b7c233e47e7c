'use client'

import { useState } from 'react'
import { revealEmail } from '@/lib/email'

/** Shows the spelled-out address; the real one exists only in the reader's browser, on request. */
export function ContactEmail({ obfuscated }: { obfuscated: string }) {
  const [copied, setCopied] = useState(false)

  async function copyAddress() {
    try {
      await navigator.clipboard.writeText(revealEmail(obfuscated))
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-zinc-700 dark:text-zinc-300">{obfuscated}</span>
      <button
        type="button"
        onClick={() => window.location.assign(`mailto:${revealEmail(obfuscated)}`)}
        className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950 dark:hover:bg-sky-200"
      >
        Write an email
      </button>
      <button
        type="button"
        onClick={copyAddress}
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <span aria-live="polite">{copied ? 'Address copied' : 'Copy address'}</span>
      </button>
    </div>
  )
}
