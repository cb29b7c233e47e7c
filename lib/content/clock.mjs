// The one clock that decides whether a scheduled note is public yet: the content build, the
// admin and the live server's scheduler all read it, so they never disagree.
import { readFileSync } from 'node:fs'
import { parseInstant } from '../notes/publish-at.mjs'

/**
 * TEST ONLY. Names a file holding the current instant (`2026-12-03T09:00:00Z`), read at every
 * call: the end-to-end tests move the site's clock by writing it. Honoured only when the operator
 * sets the variable (the server warns when it starts); a missing or empty file means the real
 * time. Never set it on a real site.
 */
export const TEST_CLOCK_VARIABLE = 'TEST_CLOCK_FILE'

/** @returns {string | undefined} */
export function testClockFile() {
  return process.env[TEST_CLOCK_VARIABLE] || undefined
}

/**
 * Milliseconds since the epoch, as `Date.now()` (which vitest's fake timers control), or as the
 * test clock file says.
 * @returns {number}
 */
export function now() {
  const file = testClockFile()
  if (!file) return Date.now()
  let text
  try {
    text = readFileSync(file, 'utf8').trim()
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return Date.now()
    throw error
  }
  if (!text) return Date.now()
  const instant = parseInstant(text)
  if (instant === undefined) throw new Error(`${TEST_CLOCK_VARIABLE} names ${file}, which holds ${JSON.stringify(text)}, not an instant like 2026-12-03T09:00:00Z`)
  return instant
}
