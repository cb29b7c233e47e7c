import type { ReactNode } from 'react'

type PreviewPaneProps = { preview: ReactNode; stale: boolean; unreachable: boolean; className: string }

/** The note as readers will see it, rendered by the server with the public page's components. */
export function PreviewPane({ preview, stale, unreachable, className }: PreviewPaneProps) {
  return (
    <section aria-labelledby="preview-heading" className={`min-w-0 space-y-3 ${className}`}>
      <h2 id="preview-heading" className="text-sm font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
        Preview
      </h2>
      {stale && <p className="text-sm text-amber-900 dark:text-amber-200">The preview shows the last version without errors; the problems are listed under the body.</p>}
      {unreachable && <p className="text-sm text-amber-900 dark:text-amber-200">The preview cannot reach the server; it shows your last good version.</p>}
      <div data-testid="preview" className="space-y-8 rounded-lg border border-zinc-200 p-4 sm:p-6 dark:border-zinc-800">
        {preview ?? <p className="text-sm text-zinc-600 dark:text-zinc-400">Rendering…</p>}
      </div>
    </section>
  )
}
