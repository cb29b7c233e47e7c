export type SessionsPanelProps = {
  /** The server action that ends every session (app/(admin)/admin/actions.ts): components never import app/. */
  signOutEverywhere: () => Promise<void>
}

/** The admin's one control for ending every session of the author, this one included. */
export function SessionsPanel({ signOutEverywhere }: SessionsPanelProps) {
  return (
    <section aria-labelledby="sessions-heading" className="space-y-3">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Sessions
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Signed in somewhere you should not be? End every session, this one included.
      </p>
      <form action={signOutEverywhere}>
        <button
          type="submit"
          className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-200 dark:hover:bg-red-950"
        >
          Sign out everywhere
        </button>
      </form>
    </section>
  )
}
