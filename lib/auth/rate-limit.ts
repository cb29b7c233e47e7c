export type RateLimitOptions = {
  /** Failures allowed inside the window before a lockout. */
  maxFailures: number
  windowMs: number
  /** First lockout; each further lockout for the same key doubles it. */
  lockoutMs: number
  maxLockoutMs: number
  now?: () => number
}

type Entry = { failures: number[]; lockouts: number; lockedUntil: number }

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number }

/**
 * Failed sign-ins per key (an account, a client address): 5 in 15 minutes, then a lockout that
 * starts at 10 minutes and doubles (Ghost's policy). Kept in memory: one server process.
 */
export class SignInRateLimiter {
  private readonly entries = new Map<string, Entry>()
  private readonly now: () => number

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now
  }

  check(key: string): RateLimitVerdict {
    const entry = this.entries.get(key)
    const now = this.now()
    if (entry && entry.lockedUntil > now) return { allowed: false, retryAfterMs: entry.lockedUntil - now }
    return { allowed: true }
  }

  recordFailure(key: string): void {
    const now = this.now()
    const entry = this.entries.get(key) ?? { failures: [], lockouts: 0, lockedUntil: 0 }
    entry.failures = [...entry.failures.filter((time) => now - time < this.options.windowMs), now]
    if (entry.failures.length >= this.options.maxFailures) {
      const lockout = Math.min(this.options.lockoutMs * 2 ** entry.lockouts, this.options.maxLockoutMs)
      entry.lockedUntil = now + lockout
      entry.lockouts += 1
      entry.failures = []
    }
    this.entries.set(key, entry)
  }

  /**
   * A successful sign-in clears the key's failures and lock, not its history of lockouts. Callers count an
   * attempt as a failure *before* checking the password and call this after a success, so a burst
   * of parallel guesses cannot all slip in while the first ones are still being verified.
   */
  recordSuccess(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    entry.failures = []
    // The right password may have been the attempt that tipped the count: it unlocks.
    entry.lockedUntil = 0
  }
}

// One limiter per server process, even if the bundler loads this module twice.
const shared = globalThis as typeof globalThis & { __signInLimiter?: SignInRateLimiter }
export const signInLimiter = (shared.__signInLimiter ??= new SignInRateLimiter({
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockoutMs: 10 * 60_000,
  maxLockoutMs: 60 * 60_000,
}))
