import type { RedisConnection } from '@/lib/redis/connect.mjs'

/**
 * Text the author typed that is not on the content remote yet, and the version of the note on the
 * remote it was written over (null: the remote has no such note). With a content remote and
 * several instances this is the only copy of an autosave: whichever instance answers the author's
 * next request reads it here (a file in one instance's clone would be that instance's alone).
 */
export type PendingText = { source: string; base: string | null }

export interface Autosaves {
  get(slug: string): Promise<PendingText | null>
  put(slug: string, pending: PendingText): Promise<void>
  clear(...slugs: string[]): Promise<void>
  slugs(): Promise<string[]>
}

// One hash of slug → JSON PendingText, under REDIS_PREFIX.
const KEY = 'autosaves'

function parsePending(value: string | null): PendingText | null {
  if (value === null) return null
  try {
    const pending = JSON.parse(value) as Partial<PendingText>
    return typeof pending.source === 'string' && (typeof pending.base === 'string' || pending.base === null) ? { source: pending.source, base: pending.base } : null
  } catch {
    return null
  }
}

export function redisAutosaves(redis: RedisConnection): Autosaves {
  return {
    get: async (slug) => parsePending(await redis.run((client) => client.hget(KEY, slug))),
    put: async (slug, pending) => void (await redis.run((client) => client.hset(KEY, slug, JSON.stringify(pending)))),
    clear: async (...slugs) => void (slugs.length && (await redis.run((client) => client.hdel(KEY, ...slugs)))),
    slugs: () => redis.run((client) => client.hkeys(KEY)),
  }
}
