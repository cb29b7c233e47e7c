'use client'

type AdminErrorProps = { error: unknown; retry: () => void }

// The message stays plain: what failed and where to look, never the error's text or stack.
export default function AdminError({ error, retry }: AdminErrorProps) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Something went wrong</h1>
      <div role="alert" className="rounded-md border border-red-700/50 bg-red-50 p-3 text-sm text-red-950 dark:border-red-400/50 dark:bg-red-950/50 dark:text-red-50">
        <p className="font-medium">This admin page could not be loaded. Trying again usually helps.</p>
        {digest && (
          <p className="mt-1 text-xs">
            The server log has the details under <code>{digest}</code>.
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        {/* retry, not reset: it fetches the page from the server again, where it failed. */}
        <button type="button" onClick={() => retry()} className="rounded-md bg-sky-800 px-3 py-1.5 font-medium text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950">
          Try again
        </button>
        {/* A plain link: client navigation may be what is broken. */}
        <a href="/admin" className="text-sky-800 underline dark:text-sky-300">
          All notes
        </a>
      </div>
    </div>
  )
}
