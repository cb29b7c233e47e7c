/** The illustration's task count, whatever the author wrote: a whole number from 2 to 8. */
export function taskCount(value: unknown, fallback = 6): number {
  const count = Math.round(Number(value ?? fallback))
  return Number.isFinite(count) ? Math.min(Math.max(count, 2), 8) : fallback
}

/** What the serial-versus-parallel illustration shows, in words: its SVG description and its feed text. */
export function serialVsParallelDescription(count: number): string {
  return (
    `Serial: one CPU core runs tasks 1 to ${count} one after another and finishes after ${count} time steps. ` +
    `Parallel: ${count} GPU cores each run one task at the same time and all finish after 1 time step.`
  )
}
