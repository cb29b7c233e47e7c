/** A time the author picked to publish at, as the server takes it; or why it cannot be. */
export type ScheduleChoice = { ok: true; publishAt: string; date: string } | { ok: false; error: string }

const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2})?$/

/**
 * The value of `<input type="datetime-local">` ("2026-12-03T14:30", the author's own clock and
 * zone) as an instant in UTC, and the author's day of it (the note's date). A time that has passed
 * is refused here, as the server refuses it.
 */
export function scheduleChoice(localValue: string, nowMs: number): ScheduleChoice {
  const match = LOCAL_INPUT.exec(localValue)
  // Without a zone, the Date constructor reads the value as this browser's local time.
  const instant = match ? new Date(localValue).getTime() : NaN
  if (!match || Number.isNaN(instant)) return { ok: false, error: 'Pick a date and a time.' }
  if (instant <= nowMs) return { ok: false, error: 'That time has passed: pick a later one, or Publish now.' }
  return { ok: true, publishAt: new Date(instant).toISOString(), date: match[1] }
}

const pad = (value: number) => String(value).padStart(2, '0')

/** An instant as `<input type="datetime-local">` shows it in this browser's zone ("2026-12-03T14:30"). */
export function localInputValue(ms: number): string {
  const at = new Date(ms)
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`
}

/** The zone the author's times are in, as the browser names it ("Asia/Kolkata"). */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** "Thu, 3 Dec 2026, 14:30 GMT+5:30": an instant in a zone (this browser's by default), named. */
export function describeInstant(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso))
}
