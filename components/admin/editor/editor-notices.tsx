'use client'

import type { LocalCopy } from '@/lib/editor/local-copy'

type EditorNoticesProps = {
  notice: string | null
  offer: LocalCopy | null
  onRestore: () => void
  onDiscard: () => void
}

/** What just happened (published, image added…) and the offer to restore this browser's copy. */
export function EditorNotices({ notice, offer, onRestore, onDiscard }: EditorNoticesProps) {
  return (
    <>
      {notice && (
        <p role="status" className="rounded-md border border-sky-700/40 bg-sky-50 p-3 text-sm whitespace-pre-line dark:border-sky-300/40 dark:bg-sky-950/60">
          {notice}
        </p>
      )}
      {offer && (
        <div role="alert" className="space-y-2 rounded-md border border-amber-700/50 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-300/50 dark:bg-amber-950/60 dark:text-amber-50">
          <p>This browser kept changes to this note that the server never confirmed (from {new Date(offer.savedAt).toLocaleString()}).</p>
          <div className="flex gap-2">
            <button type="button" onClick={onRestore} className="rounded-md bg-amber-800 px-3 py-1 font-medium text-white dark:bg-amber-200 dark:text-zinc-950">
              Restore local changes
            </button>
            <button type="button" onClick={onDiscard} className="rounded-md border border-amber-800 px-3 py-1 dark:border-amber-200">
              Discard them
            </button>
          </div>
        </div>
      )}
    </>
  )
}
