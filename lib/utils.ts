export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ')
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "1 December 2020"; content dates are calendar days, so they are read and shown in UTC. */
export function formatDate(iso: string): string {
  return dayFormat.format(new Date(iso))
}

export function formatMonthYear(iso: string): string {
  return monthFormat.format(new Date(iso))
}

/** The machine-readable form for <time dateTime>, a plain YYYY-MM-DD. */
export function isoDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10)
}
