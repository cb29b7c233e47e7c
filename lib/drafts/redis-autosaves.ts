import type { RedisConnection } from '@/lib/redis/connect.mjs'

/**
 * Autosaved text not committed yet, where every instance sees it. With a content remote an
 * autosave is only a file in one instance's clone; behind a load balancer the author's next
 * request may reach another instance, which must know that text (or it answers "changed since you
 * opened it", or "no such note" for a new draft). An explicit save commits and clears it.
 */
export interface Autosaves {
  get(slug: string): Promise<string | null>
  put(slug: string, source: string): Promise<void>
  clear(...slugs: string[]): Promise<void>
  slugs(): Promise<string[]>
}

// One hash of slug → note source, under REDIS_PREFIX.
const KEY = 'autosaves'

export function redisAutosaves(redis: RedisConnection): Autosaves {
  return {
    get: (slug) => redis.run((client) => client.hget(KEY, slug)),
    put: async (slug, source) => void (await redis.run((client) => client.hset(KEY, slug, source))),
    clear: async (...slugs) => void (slugs.length && (await redis.run((client) => client.hdel(KEY, ...slugs)))),
    slugs: () => redis.run((client) => client.hkeys(KEY)),
  }
}
