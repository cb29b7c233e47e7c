/**
 * The admin when its shared state (Redis) cannot be reached: said plainly, without the server's
 * address (whoever sees this may not be signed in; the log has the details).
 */
export function AdminUnavailable() {
  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 space-y-4 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">The admin is unavailable for a moment</h1>
      <div role="alert" className="space-y-2 rounded-md border border-amber-700/50 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-300/50 dark:bg-amber-950/50 dark:text-amber-50">
        <p className="font-medium">This server cannot reach Redis, where sign-in sessions and note locks are kept, so it cannot check who you are or save anything safely.</p>
        <p>Readers are not affected: the public site keeps serving. Text you were writing is kept in this browser and offered again when you come back.</p>
      </div>
      {/* A plain link: a full page load checks again. */}
      <a href="/admin" className="inline-block text-sm text-sky-800 underline dark:text-sky-300">
        Try again
      </a>
    </main>
  )
}
