import type { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

export type RateLimitPolicy = {
  /** Failures allowed inside the window before a lockout. */
  maxFailures: number
  windowMs: number
  /** First lockout; each further lockout for the same key doubles it. Whole seconds. */
  lockoutMs: number
  maxLockoutMs: number
  /** How long a key's lockouts are remembered for the doubling. */
  lockoutMemoryMs: number
}

/** Ghost's policy: 5 failures in 15 minutes, then a lockout that starts at 10 minutes and doubles up to an hour. */
export const SIGN_IN_POLICY: RateLimitPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockoutMs: 10 * 60_000,
  maxLockoutMs: 60 * 60_000,
  lockoutMemoryMs: 24 * 60 * 60_000,
}

/** Two counters per key: attempts in the current window, and lockouts so far (for the doubling). */
export type Limiters = { attempts: RateLimiterAbstract; lockouts: RateLimiterAbstract }

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number }

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

function options(policy: RateLimitPolicy) {
  return {
    attempts: { keyPrefix: 'signin-attempts', points: policy.maxFailures, duration: seconds(policy.windowMs) },
    lockouts: { keyPrefix: 'signin-lockouts', points: Number.MAX_SAFE_INTEGER, duration: seconds(policy.lockoutMemoryMs) },
  }
}

/** One process's counters (the embedded default: one machine). */
export function memoryLimiters(policy: RateLimitPolicy = SIGN_IN_POLICY): Limiters {
  const { attempts, lockouts } = options(policy)
  return { attempts: new RateLimiterMemory(attempts), lockouts: new RateLimiterMemory(lockouts) }
}

/** Counters on Redis, shared by every instance (REDIS_URL). */
export function redisLimiters(client: Redis, policy: RateLimitPolicy = SIGN_IN_POLICY): Limiters {
  const { attempts, lockouts } = options(policy)
  const redis = { storeClient: client, rejectIfRedisNotReady: true }
  return { attempts: new RateLimiterRedis({ ...attempts, ...redis }), lockouts: new RateLimiterRedis({ ...lockouts, ...redis }) }
}

type StoreAccess = {
  /** Waits for the store before each operation (Redis connects on first use). */
  ready?: () => Promise<unknown>
  /** Turns a failure of the store into the error callers see. */
  failure?: (error: unknown) => Error
}

/**
 * Sign-in attempts per key (an account, a client address), over rate-limiter-flexible's counters.
 * An attempt counts *before* its password is checked (consume is atomic in both stores), so a
 * burst of parallel guesses gets `maxFailures` checks, not more; the attempt that reaches the
 * limit starts a lockout, and a right password (even that one) clears the key's attempts.
 */
export class SignInRateLimiter {
  constructor(
    private readonly limiters: Limiters,
    private readonly policy: RateLimitPolicy = SIGN_IN_POLICY,
    private readonly store: StoreAccess = {},
  ) {}

  async check(key: string): Promise<RateLimitVerdict> {
    const state = await this.use(() => this.limiters.attempts.get(key))
    if (state && state.consumedPoints > this.policy.maxFailures) return { allowed: false, retryAfterMs: state.msBeforeNext }
    return { allowed: true }
  }

  /** Counts an attempt as a failure until recordSuccess says otherwise; refused when over the limit. */
  async recordFailure(key: string): Promise<RateLimitVerdict> {
    let counted: RateLimiterRes
    try {
      counted = await this.use(() => this.limiters.attempts.consume(key))
    } catch (error) {
      if (error instanceof RateLimiterRes) return { allowed: false, retryAfterMs: error.msBeforeNext }
      throw error
    }
    if (counted.consumedPoints === this.policy.maxFailures) await this.lockOut(key)
    return { allowed: true }
  }

  /** A successful sign-in clears the key's attempts and lock, not its history of lockouts. */
  async recordSuccess(key: string): Promise<void> {
    await this.use(() => this.limiters.attempts.delete(key))
  }

  /**
   * One sign-in attempt against all its keys: refused if any is locked (then nothing is counted),
   * otherwise counted against each before the password is checked.
   */
  async admit(keys: string[]): Promise<RateLimitVerdict> {
    for (const key of keys) {
      const verdict = await this.check(key)
      if (!verdict.allowed) return verdict
    }
    let refused: RateLimitVerdict = { allowed: true }
    for (const key of keys) {
      const verdict = await this.recordFailure(key)
      if (!verdict.allowed && refused.allowed) refused = verdict
    }
    return refused
  }

  private async lockOut(key: string): Promise<void> {
    const { consumedPoints: lockouts } = await this.use(() => this.limiters.lockouts.consume(key))
    const lockoutMs = Math.min(this.policy.lockoutMs * 2 ** (lockouts - 1), this.policy.maxLockoutMs)
    await this.use(() => this.limiters.attempts.block(key, seconds(lockoutMs)))
  }

  private async use<T>(operation: () => Promise<T>): Promise<T> {
    await this.store.ready?.()
    try {
      return await operation()
    } catch (error) {
      if (error instanceof RateLimiterRes || !this.store.failure) throw error
      throw this.store.failure(error)
    }
  }
}
