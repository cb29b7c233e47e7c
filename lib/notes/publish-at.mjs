// `publishAt`, the instant a scheduled note becomes public: one written form, read the same way by
// the build (plain JavaScript, outside the server), the admin and the editor.

// A day, a time to the minute or finer, and a zone: `Z` or an offset. Without a zone an instant
// would mean a different moment on every machine that reads it.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

export const PUBLISH_AT_EXAMPLE = '2026-12-03T09:00:00Z'

/**
 * The milliseconds a `publishAt` value names, or undefined when it is not a real instant with a
 * zone (`2026-02-30T09:00Z`, `2026-12-03 09:00`, a number, a YAML date).
 * @param {unknown} value
 * @returns {number | undefined}
 */
export function parseInstant(value) {
  if (typeof value !== 'string') return undefined
  const match = INSTANT.exec(value)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0))
  const calendar = new Date(Date.UTC(year, month - 1, day))
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Whether `date` (YYYY-MM-DD) can be the day of the instant somewhere: the author's own day of it,
 * in any zone from UTC−12 to UTC+14, is at most a day either side of its UTC day.
 * @param {string} date
 * @param {number} instant
 */
export function isDayOfInstant(date, instant) {
  const day = Date.parse(`${date.slice(0, 10)}T00:00:00Z`)
  const utcDay = Date.parse(`${new Date(instant).toISOString().slice(0, 10)}T00:00:00Z`)
  return Math.abs(day - utcDay) <= DAY_MS
}

/**
 * When a note's fields schedule it for after `at` (ms): not a draft, with a `publishAt` later
 * than `at`. Undefined for a draft, a published note, or one whose time has come.
 * @param {{ draft?: unknown, publishAt?: unknown }} fields
 * @param {number} at
 * @returns {number | undefined}
 */
export function scheduledAfter(fields, at) {
  if (fields.draft === true) return undefined
  const instant = parseInstant(fields.publishAt)
  return instant !== undefined && instant > at ? instant : undefined
}
