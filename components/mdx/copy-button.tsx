'use client'

import { useCopyToClipboard } from '@/components/ui/use-copy-to-clipboard'

/** Copies the text of the code block it belongs to. */
export function CopyButton() {
  const { copied, copy } = useCopyToClipboard(2000)
  const copyCode = (event: React.MouseEvent<HTMLButtonElement>) =>
    copy(event.currentTarget.closest('[data-code-block]')?.querySelector('pre')?.textContent ?? '')

  return (
    <button
      type="button"
      onClick={copyCode}
      className="rounded-md border border-zinc-300 bg-white px-2 py-1 font-sans text-xs text-zinc-700 opacity-90 hover:opacity-100 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200"
    >
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
      <span className="sr-only"> code</span>
    </button>
  )
}
