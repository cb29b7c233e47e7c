import 'server-only'
import { sharedRedis } from '@/lib/redis'
import { settings } from '@/lib/settings'
import { memoryLimiters, redisLimiters, SignInRateLimiter } from './rate-limit'
import { RedisSessionStore } from './redis-session-store'
import { sessionListFile } from './session-list.mjs'
import { SessionStore } from './session-store'
import { fileSessions, type Sessions } from './sessions'

// Where the sign-in state lives, chosen in one place: on Redis when REDIS_URL is set (shared by
// every instance), else in AUTH_STATE_DIR and this process's memory (one machine).

/** The live admin sessions. */
export function sessionStore(): Sessions {
  const redis = sharedRedis()
  if (redis) return new RedisSessionStore(redis)
  return fileSessions(new SessionStore(sessionListFile(process.cwd(), settings().authStateDir)))
}

// One limiter per server process, even if the bundler loads this module twice.
const shared = globalThis as typeof globalThis & { __signInLimiter?: SignInRateLimiter }

/** The sign-in rate limits (per account, and per client address behind a trusted proxy). */
export function signInLimiter(): SignInRateLimiter {
  if (shared.__signInLimiter) return shared.__signInLimiter
  const redis = sharedRedis()
  shared.__signInLimiter = redis
    ? new SignInRateLimiter(redisLimiters(redis.client), undefined, { ready: () => redis.ready(), failure: (error) => redis.failure(error) })
    : new SignInRateLimiter(memoryLimiters())
  return shared.__signInLimiter
}
