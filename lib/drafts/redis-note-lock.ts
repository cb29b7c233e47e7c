import { randomBytes } from 'node:crypto'
import type { RedisConnection } from '@/lib/redis/connect.mjs'
import { LOCK_STALE_MS, LOCK_WAIT_MS, LockTimeoutError } from './file-lock'
import type { NoteLocks } from './note-lock'

export type RedisLockOptions = {
  /** A lock not renewed for this long is a crashed holder's, and Redis drops it. */
  ttlMs: number
  /** How long a writer waits for each note's lock before giving up (LockTimeoutError). */
  waitMs: number
}

// Only the holder (its random token) may renew or release a lock: never one that expired and
// was taken by another writer meanwhile.
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end"
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Held = { release: () => Promise<void> }

async function acquire(redis: RedisConnection, key: string, { ttlMs, waitMs }: RedisLockOptions): Promise<Held> {
  const token = randomBytes(16).toString('base64url')
  const deadline = Date.now() + waitMs
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    if ((await redis.run((client) => client.set(key, token, 'PX', ttlMs, 'NX'))) === 'OK') break
    if (Date.now() + delay > deadline) throw new LockTimeoutError(`Still locked after ${waitMs / 1000} s: ${key} (on Redis)`)
    // Jittered, so writers polling the same lock do not wake in step.
    await sleep(delay / 2 + Math.random() * delay)
  }
  const renew = setInterval(() => {
    redis.run((client) => client.eval(RENEW, 1, key, token, ttlMs)).then(
      (renewed) => renewed === 1 || console.error(`The lock ${key} was lost while held (it expired on Redis).`),
      (error: Error) => console.error(`The lock ${key} could not be renewed: ${error.message}`),
    )
  }, Math.max(100, Math.floor(ttlMs / 7)))
  renew.unref()
  return {
    async release() {
      clearInterval(renew)
      // If Redis is down now, the lock ends by itself within ttlMs.
      await redis.run((client) => client.eval(RELEASE, 1, key, token)).catch((error: Error) => console.error(`The lock ${key} could not be released: ${error.message}`))
    },
  }
}

/**
 * withNoteLocks on Redis, for several instances: each note's lock is `note-lock:<slug>`, taken
 * with SET NX PX and a random token, renewed while held, released (compare-and-delete) in
 * `finally`, and never held past a crash for longer than its TTL. Same order and wait as the file
 * locks: sorted slugs, so two renames of the same pair cannot deadlock.
 */
export function redisNoteLocks(redis: RedisConnection, options: RedisLockOptions = { ttlMs: LOCK_STALE_MS, waitMs: LOCK_WAIT_MS }): NoteLocks {
  return async (_notesDir, slugs, task) => {
    const held: Held[] = []
    try {
      for (const slug of [...new Set(slugs)].sort()) held.push(await acquire(redis, `note-lock:${slug}`, options))
      return await task()
    } finally {
      for (const lock of held.reverse()) await lock.release()
    }
  }
}
