'use client'

import { useCopyToClipboard } from '@/components/ui/use-copy-to-clipboard'

type CopyButtonProps = {
  /** The id of the element whose text is copied; by default, the code block the button belongs to. */
  targetId?: string
  /** What is copied, read after "Copy" by screen readers. */
  label?: string
}

/** Copies the text of its code block, or of the element it names. */
export function CopyButton({ targetId, label = 'code' }: CopyButtonProps) {
  const { copied, copy } = useCopyToClipboard(2000)
  const copyText = (event: React.MouseEvent<HTMLButtonElement>) => {
    const source = targetId ? document.getElementById(targetId) : event.currentTarget.closest('[data-code-block]')?.querySelector('pre')
    return copy(source?.textContent ?? '')
  }

  return (
    <button
      type="button"
      onClick={copyText}
      className="rounded-md border border-zinc-300 bg-white px-2 py-1 font-sans text-xs text-zinc-700 opacity-90 hover:opacity-100 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200"
    >
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
      <span className="sr-only"> {label}</span>
    </button>
  )
}
