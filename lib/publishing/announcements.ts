import 'server-only'
import { randomUUID } from 'node:crypto'
import { sharedRedis } from '@/lib/redis'

// Instances tell each other "the published content changed" on a Redis channel: each then pulls
// and rebuilds its own copy. A message names its sender, which ignores its own.

const CHANNEL = 'content-changed'

// One name per server process, whichever route bundle loads this module.
const self = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes.instance-id')] ??= randomUUID()) as string

const channel = (prefix: string) => `${prefix}${CHANNEL}`

/** Tells the other instances that the published content changed here (and is on the remote). */
export async function announceContentChange(): Promise<void> {
  const redis = sharedRedis()
  if (!redis) return
  await redis
    .run((client) => client.publish(channel(redis.prefix), self))
    .catch((error: Error) => console.error(`The other instances were not told of this change (${error.message}); they see it at their next check of the content remote.`))
}

/**
 * Calls `onChange` when another instance announces a change, and when the connection to Redis is
 * back after a drop (announcements made meanwhile were missed). Nothing without REDIS_URL.
 */
export function listenForChanges(onChange: () => void): void {
  const redis = sharedRedis()
  if (!redis) return
  redis.subscribe(channel(redis.prefix), (sender) => sender !== self && onChange(), onChange)
}
