const LINES = ['w-full', 'w-11/12', 'w-full', 'w-10/12', 'w-full', 'w-9/12']

/** A page of the admin on its way: said to screen readers, sketched for the eye. */
export function AdminLoading() {
  return (
    <div role="status" className="space-y-6">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">Loading…</p>
      <div aria-hidden="true" className="space-y-3">
        <div className="h-8 w-40 rounded-md bg-zinc-200 motion-safe:animate-pulse dark:bg-zinc-800" />
        {LINES.map((width, index) => (
          <div key={index} className={`h-5 ${width} rounded bg-zinc-200 motion-safe:animate-pulse dark:bg-zinc-800`} />
        ))}
      </div>
    </div>
  )
}
