'use client'

import { useCallback, useState } from 'react'

/** Copies text and says so; `resetMs` turns the "copied" state back off after a while. */
export function useCopyToClipboard(resetMs?: number) {
  const [copied, setCopied] = useState(false)
  const copy = useCallback(
    async (text: string) => {
      try {
        await navigator.clipboard.writeText(text)
        setCopied(true)
        if (resetMs) setTimeout(() => setCopied(false), resetMs)
      } catch {
        setCopied(false)
      }
    },
    [resetMs],
  )
  return { copied, copy }
}
