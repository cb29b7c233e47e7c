'use client'

import { useState } from 'react'
import { useCopyToClipboard } from '@/components/ui/use-copy-to-clipboard'
import { revealEmail } from '@/lib/email'

/**
 * Shows the spelled-out address. The real one exists only in the reader's browser, once they point
 * at, focus or touch the link, so the HTML a harvester reads never contains it.
 */
export function ContactEmail({ obfuscated }: { obfuscated: string }) {
  const [revealed, setRevealed] = useState(false)
  const { copied, copy } = useCopyToClipboard()
  const reveal = () => setRevealed(true)

  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-zinc-700 dark:text-zinc-300">{obfuscated}</span>
      <a
        id="contact"
        href={revealed ? `mailto:${revealEmail(obfuscated)}` : '#contact'}
        onPointerEnter={reveal}
        onFocus={reveal}
        onTouchStart={reveal}
        className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950 dark:hover:bg-sky-200"
      >
        Write an email
      </a>
      <button
        type="button"
        onClick={() => copy(revealEmail(obfuscated))}
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <span aria-live="polite">{copied ? 'Address copied' : 'Copy address'}</span>
      </button>
    </div>
  )
}
