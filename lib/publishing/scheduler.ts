import 'server-only'
import { now, testClockFile } from '@/lib/content/clock.mjs'
import { dueNotes, nextInstant, readSchedule, servedSlugs, type ScheduledNote } from './schedule'
import { postToSelf } from './self-request'

// The live server publishes scheduled notes by itself: it sleeps until the next note's time, then
// asks itself (app/api/scheduled-publish) to run the refresh a publish runs. It reads the schedule
// from the note files whenever it wakes, so a restart, a kill -9 or a schedule made on another
// instance loses nothing: a note whose time passed while no server ran is published at start.

/** Where this server asks itself to publish the notes whose time has come. */
export const SCHEDULED_PUBLISH_PATH = '/api/scheduled-publish'

// Long sleeps are cut short: a wall clock set forward, or a schedule made where no change reached
// this instance, is noticed within this time.
const LONGEST_SLEEP_MS = 10 * 60_000
// The end-to-end tests move the clock by writing a file; nothing wakes the server when they do.
const TEST_CLOCK_POLL_MS = 1_000
// A note whose refresh failed (content that does not build) is tried again after this, not in a loop.
const RETRY_MS = 60_000

type SchedulerState = {
  started: boolean
  timer: NodeJS.Timeout | undefined
  checking: boolean
  again: boolean
  /** When each due note (slug@instant) was last asked for, by the real clock. */
  tried: Map<string, number>
}

// One per server process, whichever bundle (instrumentation, a route) loads this module.
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes.scheduler')] ??= {
  started: false,
  timer: undefined,
  checking: false,
  again: false,
  tried: new Map(),
}) as SchedulerState

/** Starts the scheduler, once per process: only on a server that refreshes itself (PUBLISH_MODE=live). */
export function startScheduler(): void {
  if (state.started) return
  state.started = true
  wake()
}

/** Looks at the schedule again now: after every change to the content, here or announced by another instance. */
export function rearmScheduler(): void {
  if (state.started) wake()
}

function wake() {
  clearTimeout(state.timer)
  if (state.checking) {
    state.again = true
    return
  }
  state.checking = true
  void check().finally(() => {
    state.checking = false
    if (state.again) {
      state.again = false
      wake()
    }
  })
}

const key = (note: ScheduledNote) => `${note.slug}@${note.instant}`

async function check() {
  let schedule: ScheduledNote[] = []
  let waiting = false
  try {
    schedule = await readSchedule()
    const due = dueNotes(schedule, now(), servedSlugs())
    waiting = due.length > 0
    const ask = due.filter((note) => (state.tried.get(key(note)) ?? -Infinity) + RETRY_MS <= Date.now())
    if (ask.length > 0) {
      for (const note of ask) state.tried.set(key(note), Date.now())
      await publishDue(ask)
    }
  } catch (error) {
    console.error(`Scheduled notes could not be checked: ${(error as Error).message}`)
  } finally {
    if (!state.again) arm(nextInstant(schedule, now()), waiting)
  }
}

async function publishDue(due: ScheduledNote[]) {
  const names = due.map((note) => note.slug).join(', ')
  const response = await postToSelf(SCHEDULED_PUBLISH_PATH)
  const result = (await response.json().catch(() => ({ ok: false, error: `answered ${response.status}` }))) as { ok: boolean; error?: string; refresh?: { ok: boolean; error?: string } | null }
  const failure = !result.ok ? result.error : result.refresh && !result.refresh.ok ? result.refresh.error : undefined
  if (failure) console.error(`The scheduled notes ${names} could not be published (tried again in ${RETRY_MS / 1000} s): ${failure}`)
}

function arm(next: number | undefined, waiting: boolean) {
  let delay = next === undefined ? LONGEST_SLEEP_MS : Math.min(Math.max(next - now(), 0) + 50, LONGEST_SLEEP_MS)
  if (waiting) delay = Math.min(delay, RETRY_MS)
  if (testClockFile()) delay = Math.min(delay, TEST_CLOCK_POLL_MS)
  state.timer = setTimeout(wake, delay)
  state.timer.unref()
}
