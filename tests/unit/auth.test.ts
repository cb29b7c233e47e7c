import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadEnvConfig } from '@next/env'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseAuthEnv } from '@/lib/auth/env-schema'
import { isAllowedGitHubLogin } from '@/lib/auth/github'
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from '@/lib/auth/password'
import { memoryLimiters, SIGN_IN_POLICY, SignInRateLimiter } from '@/lib/auth/rate-limit'
import { safeCallbackPath, sameOriginUrl } from '@/lib/auth/redirect'
import { endAllSessions, sessionListFile } from '@/lib/auth/session-list.mjs'
import { SessionStore } from '@/lib/auth/session-store'
import { contentSecurityPolicy } from '@/lib/security/csp.mjs'
import { ARGON2_OPTIONS, hashPassword as scriptHashPassword } from '../../scripts/lib/password.mjs'
import { readEnvFile, updateEnvFile } from '../../scripts/lib/env-file.mjs'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'auth-test-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('password hashing', () => {
  it('hashes with argon2id at 19 MiB, 2 passes, 1 lane, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/)
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true)
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false)
    expect(await verifyPassword(hash, '')).toBe(false)
  })

  it('refuses absurd input early and never matches without an account', async () => {
    await expect(hashPassword('short')).rejects.toThrow('at least 12')
    expect(await verifyPassword(await hashPassword('x'.repeat(20)), 'x'.repeat(MAX_PASSWORD_LENGTH + 1))).toBe(false)
    expect(await verifyPassword(undefined, 'decoy password that nobody has')).toBe(false)
  })

  it('takes about as long for an unknown account as for a wrong password', async () => {
    const hash = await hashPassword('correct horse battery staple')
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now()
      await fn()
      return performance.now() - start
    }
    const known = await time(() => verifyPassword(hash, 'wrong password!!'))
    const unknown = await time(() => verifyPassword(undefined, 'wrong password!!'))
    expect(unknown).toBeGreaterThan(known * 0.4)
  })

  it('the npm scripts hash with the same parameters as the server', async () => {
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    const hash = await scriptHashPassword('a password from the script')
    expect(await verifyPassword(hash, 'a password from the script')).toBe(true)
  })
})

describe('auth environment', () => {
  const valid = {
    AUTH_SECRET: 'q8Jz3LmN0pR5tV7xY9aB2cD4eF6gH1iK',
    AUTHOR_EMAIL: 'Author@Example.com',
    AUTHOR_PASSWORD_HASH: '$argon2id$v=19$m=19456,p=1,t=2$7vGX64TAWOZbBf7OQoEFdA$+4XgXYmny9SjTUBGRkb85hBRrNk7H0ODPHDoAKBAkUY',
  }

  it('accepts a complete configuration, with defaults', () => {
    const result = parseAuthEnv(valid)
    expect(result.ok && result.env).toMatchObject({ AUTHOR_EMAIL: 'author@example.com', AUTH_SESSION_HOURS: 8, TRUST_PROXY: '0' })
  })

  it('names every missing or weak variable', () => {
    const result = parseAuthEnv({ AUTH_SECRET: 'short', AUTHOR_PASSWORD_HASH: 'plaintext' })
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AUTH_SECRET is too short/),
        expect.stringMatching(/^AUTHOR_EMAIL /),
        expect.stringMatching(/^AUTHOR_PASSWORD_HASH must be an argon2id hash/),
      ]),
    )
  })

  it('refuses a long but repetitive secret', () => {
    const result = parseAuthEnv({ ...valid, AUTH_SECRET: 'ab'.repeat(20) })
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^AUTH_SECRET is not random enough/)])
  })

  it('requires an allow-list when GitHub sign-in is on', () => {
    const result = parseAuthEnv({ ...valid, AUTH_GITHUB_ID: 'id', AUTH_GITHUB_SECRET: 'secret' })
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^AUTH_GITHUB_ALLOWED_LOGINS/)])
    expect(parseAuthEnv({ ...valid, AUTH_GITHUB_ID: 'id' }).ok).toBe(false)
  })
})

describe('GitHub allow-list', () => {
  it('admits only listed logins, case-insensitively', () => {
    expect(isAllowedGitHubLogin('ArunRN', 'arunrn, someone')).toBe(true)
    expect(isAllowedGitHubLogin('someone-else', 'arunrn, someone')).toBe(false)
    expect(isAllowedGitHubLogin(undefined, 'arunrn')).toBe(false)
    expect(isAllowedGitHubLogin('arunrn', '')).toBe(false)
    expect(isAllowedGitHubLogin('arunrn', undefined)).toBe(false)
  })
})

describe('sign-in rate limiter (memory, the one-machine default)', () => {
  // rate-limiter-flexible's memory store runs on Date.now and timers: the fake clock drives both.
  beforeEach(() => vi.useFakeTimers({ now: 0 }))
  afterEach(() => vi.useRealTimers())
  const limiter = () => new SignInRateLimiter(memoryLimiters(SIGN_IN_POLICY), SIGN_IN_POLICY)

  it('keeps the policy: 5 failures in 15 minutes, a 10-minute lockout doubling up to an hour', () => {
    expect(SIGN_IN_POLICY).toMatchObject({ maxFailures: 5, windowMs: 15 * 60_000, lockoutMs: 10 * 60_000, maxLockoutMs: 60 * 60_000 })
  })

  it('locks a key after 5 failures in 15 minutes, for 10 minutes, then doubles', async () => {
    const limits = limiter()
    for (let i = 0; i < 4; i++) await limits.recordFailure('account:a')
    expect(await limits.check('account:a')).toEqual({ allowed: true })
    await limits.recordFailure('account:a')
    expect(await limits.check('account:a')).toEqual({ allowed: false, retryAfterMs: 10 * 60_000 })
    expect(await limits.check('account:b')).toEqual({ allowed: true })
    vi.advanceTimersByTime(10 * 60_000)
    expect(await limits.check('account:a')).toEqual({ allowed: true })
    for (let i = 0; i < 5; i++) await limits.recordFailure('account:a')
    expect(await limits.check('account:a')).toEqual({ allowed: false, retryAfterMs: 20 * 60_000 })
    vi.advanceTimersByTime(20 * 60_000)
    for (const expected of [40, 60, 60]) {
      for (let i = 0; i < 5; i++) await limits.recordFailure('account:a')
      expect(await limits.check('account:a')).toEqual({ allowed: false, retryAfterMs: expected * 60_000 })
      vi.advanceTimersByTime(expected * 60_000)
    }
  })

  it('forgets failures older than the window, and a success clears them', async () => {
    const limits = limiter()
    for (let i = 0; i < 4; i++) await limits.recordFailure('k')
    vi.advanceTimersByTime(16 * 60_000)
    await limits.recordFailure('k')
    expect((await limits.check('k')).allowed).toBe(true)
    for (let i = 0; i < 3; i++) await limits.recordFailure('k')
    await limits.recordSuccess('k')
    await limits.recordFailure('k')
    expect((await limits.check('k')).allowed).toBe(true)
  })

  it('counted before the password check: a burst gets 5 attempts, and a right 5th one unlocks', async () => {
    const limits = limiter()
    const admitted: boolean[] = []
    for (let i = 0; i < 8; i++) admitted.push((await limits.admit(['account:a'])).allowed)
    expect(admitted).toEqual([true, true, true, true, true, false, false, false])
    await limits.recordSuccess('account:a')
    expect((await limits.check('account:a')).allowed).toBe(true)
  })

  it('a parallel burst gets exactly 5 checks, and a locked client key counts nothing against the account', async () => {
    const limits = limiter()
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => limits.admit(['account:a'])))
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5)
    for (let i = 0; i < 5; i++) await limits.admit(['account:b', 'client:1.2.3.4'])
    expect((await limits.admit(['account:c', 'client:1.2.3.4'])).allowed).toBe(false)
    expect(await limits.check('account:c')).toEqual({ allowed: true })
    for (let i = 0; i < 4; i++) expect((await limits.admit(['account:c'])).allowed).toBe(true)
  })
})

describe('callback URLs', () => {
  it('keeps same-site paths and refuses every way off the site', () => {
    expect(safeCallbackPath('/admin/notes?x=1#top')).toBe('/admin/notes?x=1#top')
    for (const evil of [
      'https://evil.example',
      '//evil.example',
      '/.//evil.example/x',
      '/admin/..//evil.example',
      '/%2e//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\tadmin',
      '/\nadmin',
      '',
    ]) {
      expect(safeCallbackPath(evil), evil).toBe('/admin')
    }
    // Percent-encoded characters stay encoded: a harmless path on this site, never a header.
    expect(safeCallbackPath('/%0d%0aSet-Cookie:x')).toBe('/%0d%0aSet-Cookie:x')
    expect(safeCallbackPath(null)).toBe('/admin')
  })

  it('lets next-auth redirect only within the origin', () => {
    expect(sameOriginUrl('/admin', 'https://notes.example')).toBe('https://notes.example/admin')
    expect(sameOriginUrl('https://notes.example/admin/x', 'https://notes.example')).toBe('https://notes.example/admin/x')
    expect(sameOriginUrl('https://evil.example/', 'https://notes.example')).toBe('https://notes.example/admin')
    expect(sameOriginUrl('//evil.example', 'https://notes.example')).toBe('https://notes.example/admin')
    expect(sameOriginUrl('/.//evil.example', 'https://notes.example')).toBe('https://notes.example/admin')
  })
})

describe('server-side sessions', () => {
  it('honours a session until it is revoked or expires, across instances (restarts)', () => {
    let now = 1_000
    const file = path.join(tempDir(), 'state', 'sessions.json')
    const store = new SessionStore(file, () => now)
    const a = store.create(60_000)
    const b = store.create(60_000)
    expect(store.isActive(a) && store.isActive(b)).toBe(true)
    expect(store.isActive('made-up')).toBe(false)
    store.revoke(a)
    const afterRestart = new SessionStore(file, () => now)
    expect(afterRestart.isActive(a)).toBe(false)
    expect(afterRestart.isActive(b)).toBe(true)
    now += 60_001
    expect(afterRestart.isActive(b)).toBe(false)
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600')
  })

  it('signs out everywhere', () => {
    const store = new SessionStore(path.join(tempDir(), 'sessions.json'))
    const ids = [store.create(60_000), store.create(60_000)]
    store.revokeAll()
    expect(ids.map((id) => store.isActive(id))).toEqual([false, false])
  })

  it('ends the sessions the server keeps when npm run author:password signs out everywhere', () => {
    const root = tempDir()
    const server = new SessionStore(sessionListFile(root, 'state'))
    const id = server.create(60_000)
    endAllSessions(sessionListFile(root, 'state'))
    expect(server.isActive(id)).toBe(false)
    expect(sessionListFile(root)).toBe(path.join(root, '.data', 'sessions.json'))
  })
})

describe('Content-Security-Policy', () => {
  it('is nonce-based with strict-dynamic on private pages', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc', scriptHashes: ['sha256-xyz'] })
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'sha256-xyz'")
    const scriptSrc = csp.split('; ').find((directive) => directive.startsWith('script-src'))
    expect(scriptSrc).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
  })

  it('allows inline scripts only where pages are prerendered, and upgrades in production', () => {
    expect(contentSecurityPolicy({})).toContain("script-src 'self' 'unsafe-inline'")
    expect(contentSecurityPolicy({ https: true })).toContain('upgrade-insecure-requests')
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'")
  })
})

describe('.env.local writing', () => {
  it('escapes $ so Next reads an argon2 hash back intact, and keeps other lines', () => {
    // Next loads .env.local, or .env.test.local when NODE_ENV is test (as under vitest): same parser.
    const file = path.join(tempDir(), process.env.NODE_ENV === 'test' ? '.env.test.local' : '.env.local')
    updateEnvFile(file, { OTHER: 'kept' })
    const hash = '$argon2id$v=19$m=19456,p=1,t=2$salt$hash'
    updateEnvFile(file, { AUTHOR_PASSWORD_HASH: hash })
    expect(readFileSync(file, 'utf8')).toBe('OTHER=kept\nAUTHOR_PASSWORD_HASH=\\$argon2id\\$v=19\\$m=19456,p=1,t=2\\$salt\\$hash\n')
    expect(readEnvFile(file)).toEqual({ OTHER: 'kept', AUTHOR_PASSWORD_HASH: hash })
    const { combinedEnv } = loadEnvConfig(path.dirname(file), true, { info() {}, error() {} }, true)
    expect(combinedEnv.AUTHOR_PASSWORD_HASH).toBe(hash)
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600')
  })
})
