import 'server-only'
import { settings } from '@/lib/settings'
import { RedisConnection } from './connect.mjs'

export { RedisConnection, RedisUnavailableError } from './connect.mjs'

// One connection per server process, even if the bundler loads this module more than once.
const shared = globalThis as typeof globalThis & { __redisConnection?: RedisConnection }

/**
 * The process's connection to REDIS_URL, made on first use, or undefined when REDIS_URL is unset
 * (one machine: everything stays in files and memory, as before).
 */
export function sharedRedis(): RedisConnection | undefined {
  const options = settings().redis
  if (!options) return undefined
  shared.__redisConnection ??= new RedisConnection(options)
  return shared.__redisConnection
}
