import { lock } from 'proper-lockfile'

/**
 * A holder refreshes its lock's mtime every second; a lock older than this is a crashed holder's
 * (kill -9 leaves the lock folder behind) and the next process takes it over.
 */
export const LOCK_STALE_MS = 7_000
const LOCK_UPDATE_MS = 1_000

/** How long a writer waits for a lock before giving up; longer than the stale time, so a crashed holder never makes a save fail. */
export const LOCK_WAIT_MS = 12_000

export class LockTimeoutError extends Error {}

// On globalThis: Next may bundle this module into several chunks, and dev reloads re-run it.
const queues: Map<string, Promise<void>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes-admin.file-locks')] ??= new Map()) as Map<string, Promise<void>>

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `task` while holding the lock folder `lockPath`: one holder at a time among the async
 * tasks of this process (in arrival order) and among every process using the same path.
 */
export async function withFileLock<T>(lockPath: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve()
  let finished!: () => void
  const mine = new Promise<void>((resolve) => (finished = resolve))
  const tail = previous.then(() => mine)
  queues.set(lockPath, tail)
  await previous
  try {
    const release = await acquire(lockPath)
    try {
      return await task()
    } finally {
      // Already released only when compromised, which onCompromised has reported.
      await release().catch(() => undefined)
    }
  } finally {
    finished()
    if (queues.get(lockPath) === tail) queues.delete(lockPath)
  }
}

async function acquire(lockPath: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    try {
      return await lock(lockPath, {
        lockfilePath: lockPath,
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_UPDATE_MS,
        // The default throws from a timer, which would take the whole server down.
        onCompromised: (error) => console.error(`The lock ${lockPath} was lost while held: ${error.message}`),
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
      if (Date.now() + delay > deadline) throw new LockTimeoutError(`Still locked after ${LOCK_WAIT_MS / 1000} s: ${lockPath}`)
      // Jittered, so processes polling the same lock do not wake in step.
      await sleep(delay / 2 + Math.random() * delay)
    }
  }
}
