// The shared state on a real Redis (Debian's redis-server, started here on a loopback port): two
// connections stand for two app instances.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sessionStore, signInLimiter } from '@/lib/auth/backends'
import { SignInRateLimiter, redisLimiters, type RateLimitPolicy } from '@/lib/auth/rate-limit'
import { RedisSessionStore } from '@/lib/auth/redis-session-store'
import { endAllRedisSessions } from '@/lib/auth/session-list.mjs'
import { LockTimeoutError } from '@/lib/drafts/file-lock'
import { redisNoteLocks } from '@/lib/drafts/redis-note-lock'
import { RedisShareStore } from '@/lib/drafts/redis-shares'
import { NoteStore, NoteStoreError } from '@/lib/drafts/store'
import { RedisConnection, RedisUnavailableError } from '@/lib/redis/connect.mjs'
import { sharedRedis } from '@/lib/redis'
import { resetSettings } from '@/lib/settings'
import { parseSettings } from '@/lib/settings/schema'
import { startRedisServer, type RedisServer } from '../../scripts/lib/redis-server.mjs'

const SECRET = 'a-secret-of-enough-length-0123456789'
let server: RedisServer
const connections: RedisConnection[] = []
const dirs: string[] = []

/** A connection with a prefix of its own per test, so tests never see each other's keys. */
function instances(count = 2, prefix = `test-${randomBytes(4).toString('hex')}:`, url = server.url): RedisConnection[] {
  return Array.from({ length: count }, () => {
    const connection = new RedisConnection({ url, prefix })
    connections.push(connection)
    return connection
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  server = await startRedisServer()
}, 180_000)

afterAll(async () => {
  connections.forEach((connection) => connection.close())
  await server?.stop()
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

describe('REDIS_URL and REDIS_PREFIX settings', () => {
  it('are unset by default (one machine), take redis:// or rediss://, and refuse anything else by name', () => {
    const project = path.resolve('/project')
    expect(parseSettings({}, project)).toMatchObject({ ok: true, settings: { redis: undefined } })
    expect(parseSettings({ REDIS_URL: '' }, project)).toMatchObject({ ok: true, settings: { redis: undefined } })
    expect(parseSettings({ REDIS_URL: 'rediss://default:pw@eu1.upstash.example:6379' }, project)).toMatchObject({
      ok: true,
      settings: { redis: { url: 'rediss://default:pw@eu1.upstash.example:6379', prefix: 'notes:' } },
    })
    expect(parseSettings({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: 'blog:' }, project)).toMatchObject({ ok: true, settings: { redis: { prefix: 'blog:' } } })
    const bad = parseSettings({ REDIS_URL: 'http://127.0.0.1:6379' }, project)
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringMatching(/^REDIS_URL must be a redis:\/\/ or rediss:\/\//)])
  })
})

describe('the backend chosen from the settings', () => {
  const shared = globalThis as { __redisConnection?: RedisConnection; __signInLimiter?: unknown }
  const reset = () => {
    shared.__redisConnection?.close()
    delete shared.__redisConnection
    delete shared.__signInLimiter
    resetSettings()
  }

  it('keeps the one-machine default without REDIS_URL, and uses one shared connection with it', async () => {
    reset()
    vi.stubEnv('REDIS_URL', '')
    const stateDir = mkdtempSync(path.join(tmpdir(), 'backends-'))
    dirs.push(stateDir)
    vi.stubEnv('AUTH_STATE_DIR', stateDir)
    try {
      expect(sharedRedis()).toBeUndefined()
      expect(sessionStore()).not.toBeInstanceOf(RedisSessionStore)
      expect(await sessionStore().isActive('made-up')).toBe(false)
      const local = signInLimiter()
      expect(signInLimiter()).toBe(local)
      reset()
      vi.stubEnv('REDIS_URL', server.url)
      vi.stubEnv('REDIS_PREFIX', `backends-${randomBytes(4).toString('hex')}:`)
      expect(sharedRedis()).toBe(sharedRedis())
      const sessions = sessionStore()
      expect(sessions).toBeInstanceOf(RedisSessionStore)
      const id = await sessions.create(60_000)
      expect(await new RedisSessionStore(instances(1, sharedRedis()!.prefix)[0]).isActive(id)).toBe(true)
      expect((await signInLimiter().admit(['account:factory'])).allowed).toBe(true)
    } finally {
      reset()
      vi.unstubAllEnvs()
    }
  })
})

describe('sessions on Redis', () => {
  it('a session made on one instance is honoured on the other, until revoked there', async () => {
    const [a, b] = instances().map((connection) => new RedisSessionStore(connection))
    const id = await a.create(60_000)
    const other = await a.create(60_000)
    expect(await b.isActive(id)).toBe(true)
    expect(await b.isActive('made-up')).toBe(false)
    expect(await b.isActive(undefined)).toBe(false)
    await b.revoke(id)
    expect(await a.isActive(id)).toBe(false)
    expect(await a.isActive(other)).toBe(true)
  })

  it('sign out everywhere on one instance ends every session on the other; new ones work', async () => {
    const [one, two] = instances()
    const [a, b] = [new RedisSessionStore(one), new RedisSessionStore(two)]
    const ids = [await a.create(60_000), await b.create(60_000)]
    await b.revokeAll()
    expect(await Promise.all(ids.map((id) => a.isActive(id)))).toEqual([false, false])
    const fresh = await a.create(60_000)
    expect(await b.isActive(fresh)).toBe(true)
    // npm run author:password: its own connection, the same path.
    const [script] = instances(1, one.prefix)
    await endAllRedisSessions(script)
    expect(await b.isActive(fresh)).toBe(false)
  })

  it('expires with its lifetime (a Redis TTL), under the configured prefix', async () => {
    const [connection] = instances()
    const store = new RedisSessionStore(connection)
    const id = await store.create(300)
    expect(await store.isActive(id)).toBe(true)
    const [raw] = instances(1, '')
    expect(await raw.run((client) => client.pttl(`${connection.prefix}session:${id}`))).toBeGreaterThan(0)
    await sleep(450)
    expect(await store.isActive(id)).toBe(false)
  })
})

describe('share links on Redis', () => {
  it('round trip across instances: create, list, verify, revoke one, revoke a note, expiry as a TTL', async () => {
    const [one, two] = instances()
    const [a, b] = [new RedisShareStore(one, SECRET), new RedisShareStore(two, SECRET)]
    const first = await a.create('streams', 7)
    const second = await a.create('streams', 1)
    await a.create('other-note', 1)
    expect((await b.list('streams')).map((share) => share.token).sort()).toEqual([first.token, second.token].sort())
    expect(await b.verify(first.token)).toEqual(first.share)
    expect(await b.verify(`${first.share.id}.forged`)).toBeNull()
    expect(await b.verify('nonsense')).toBeNull()
    expect(await new RedisShareStore(two, 'another-secret-of-enough-length-000').verify(first.token)).toBeNull()
    const ttl = await one.run((client) => client.pttl(`share:${first.share.id}`))
    expect(Math.abs(ttl - 7 * 24 * 3600_000)).toBeLessThan(60_000)

    expect(await b.revoke(second.share.id)).toBe(true)
    expect(await b.revoke(second.share.id)).toBe(false)
    expect(await a.verify(second.token)).toBeNull()
    expect(await a.revokeNote('streams')).toBe(1)
    expect(await b.verify(first.token)).toBeNull()
    expect(await b.list('streams')).toEqual([])
    expect(await b.list('other-note')).toHaveLength(1)
    await expect(a.create('../etc', 1)).rejects.toThrow()
  })

  it('drops a link when its key has expired', async () => {
    const [connection] = instances()
    const store = new RedisShareStore(connection, SECRET)
    const { share, token } = await store.create('streams', 1)
    await connection.run((client) => client.pexpire(`share:${share.id}`, 1))
    await sleep(20)
    expect(await store.verify(token)).toBeNull()
    expect(await store.list('streams')).toEqual([])
  })
})

describe('sign-in rate limits on Redis', () => {
  // The real policy in minutes, scaled to seconds (Redis expiries are whole seconds for blocks).
  const policy: RateLimitPolicy = { maxFailures: 5, windowMs: 60_000, lockoutMs: 1_000, maxLockoutMs: 4_000, lockoutMemoryMs: 60_000 }
  const limiters = () =>
    instances().map((connection) => new SignInRateLimiter(redisLimiters(connection.client, policy), policy, { ready: () => connection.ready(), failure: (error) => connection.failure(error) }))

  it('5 failures spread over two instances lock the account on both, and lockouts double', async () => {
    const [a, b] = limiters()
    for (let i = 0; i < 3; i++) expect((await a.admit(['account:x'])).allowed).toBe(true)
    for (let i = 0; i < 2; i++) expect((await b.admit(['account:x'])).allowed).toBe(true)
    for (const limiter of [a, b]) {
      const verdict = await limiter.check('account:x')
      expect(verdict.allowed).toBe(false)
      expect(!verdict.allowed && verdict.retryAfterMs).toBeGreaterThan(500)
      expect(!verdict.allowed && verdict.retryAfterMs).toBeLessThanOrEqual(1_000)
      expect((await limiter.admit(['account:x'])).allowed).toBe(false)
    }
    await sleep(1_100)
    expect((await a.check('account:x')).allowed).toBe(true)
    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).admit(['account:x'])
    const second = await b.check('account:x')
    expect(!second.allowed && second.retryAfterMs).toBeGreaterThan(1_000)
    expect(!second.allowed && second.retryAfterMs).toBeLessThanOrEqual(2_000)
  })

  it('a parallel burst over both instances gets exactly 5 checks; a right 5th one unlocks', async () => {
    const [a, b] = limiters()
    const verdicts = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).admit(['account:y'])))
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5)
    await a.recordSuccess('account:y')
    expect((await b.check('account:y')).allowed).toBe(true)
    // Against an account and a client address, the two counts interleave: never more than 5.
    const both = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).admit(['account:w', 'client:10.0.0.1'])))
    expect(both.filter((verdict) => verdict.allowed).length).toBeLessThanOrEqual(5)
    expect((await b.check('client:10.0.0.1')).allowed).toBe(false)
  })
})

describe('the per-note write lock on Redis', () => {
  it('excludes a second holder on another instance, in order, and is released on error', async () => {
    const [one, two] = instances()
    const [a, b] = [redisNoteLocks(one), redisNoteLocks(two)]
    const events: string[] = []
    let entered!: () => void
    const holding = new Promise<void>((resolve) => (entered = resolve))
    const first = a('/notes-a', ['streams', 'kernels'], async () => {
      events.push('a in')
      entered()
      await sleep(300)
      events.push('a out')
      throw new Error('the write failed')
    })
    await holding
    const second = b('/notes-b', ['kernels'], async () => {
      events.push('b in')
      return 'b done'
    })
    await expect(first).rejects.toThrow('the write failed')
    expect(await second).toBe('b done')
    expect(events).toEqual(['a in', 'a out', 'b in'])
    expect(await one.run((client) => client.exists('note-lock:streams', 'note-lock:kernels'))).toBe(0)
  })

  it('a waiter gives up with a clear error, and a crashed holder’s lock ends with its TTL', async () => {
    const [one, two] = instances()
    // A holder killed with -9: its key stays, unrenewed.
    await one.run((client) => client.set('note-lock:streams', 'crashed', 'PX', 400))
    const impatient = redisNoteLocks(two, { ttlMs: 400, waitMs: 150 })
    await expect(impatient('/n', ['streams'], async () => 'never')).rejects.toBeInstanceOf(LockTimeoutError)
    const started = Date.now()
    expect(await redisNoteLocks(two, { ttlMs: 400, waitMs: 2_000 })('/n', ['streams'], async () => 'taken over')).toBe('taken over')
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('is renewed while a long write holds it', async () => {
    const [one, two] = instances()
    const options = { ttlMs: 300, waitMs: 200 }
    const long = redisNoteLocks(one, options)('/n', ['streams'], () => sleep(900))
    await sleep(50)
    await expect(redisNoteLocks(two, options)('/n', ['streams'], async () => 'too early')).rejects.toBeInstanceOf(LockTimeoutError)
    await sleep(450)
    await expect(redisNoteLocks(two, options)('/n', ['streams'], async () => 'too early')).rejects.toBeInstanceOf(LockTimeoutError)
    await long
  })

  it('keeps one winner among eight saves of one version made through two instances’ stores', async () => {
    const notesDir = path.join(mkdtempSync(path.join(tmpdir(), 'redis-locking-')), 'notes')
    dirs.push(path.dirname(notesDir))
    const [one, two] = instances()
    const note = (body: string) => ({ title: 'Streams', summary: 'S', tags: [], draft: true, body })
    const store = (i: number) => new NoteStore(notesDir, { locks: redisNoteLocks(i % 2 ? one : two) })
    const { version } = await store(0).save('streams', note('First\n'), null, { commit: false })
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store(i).save('streams', note(`Writer ${i}\n`), version, { commit: false })))
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    for (const result of results.filter((candidate) => candidate.status === 'rejected')) {
      expect((result.reason as NoteStoreError).code).toBe('conflict')
    }
  })
})

describe('when Redis is down', () => {
  it('every operation fails within 2 s with an error naming Redis, and works again once it is back', async () => {
    const outage = await startRedisServer()
    try {
      const [connection] = instances(1, 'outage:', outage.url)
      const sessions = new RedisSessionStore(connection)
      const id = await sessions.create(60_000)
      await outage.stop()
      const limiter = new SignInRateLimiter(redisLimiters(connection.client), undefined, { ready: () => connection.ready(), failure: (error) => connection.failure(error) })
      const operations: Array<[string, () => Promise<unknown>]> = [
        ['session check', () => sessions.isActive(id)],
        ['sign out everywhere', () => sessions.revokeAll()],
        ['share link', () => new RedisShareStore(connection, SECRET).verify('a.b')],
        ['sign-in attempt', () => limiter.admit(['account:z'])],
        ['note lock', () => redisNoteLocks(connection)('/n', ['streams'], async () => 'never')],
      ]
      for (const [name, operation] of operations) {
        const started = Date.now()
        const error = await operation().then(
          () => null,
          (failure: Error) => failure,
        )
        expect(error, name).toBeInstanceOf(RedisUnavailableError)
        expect(error?.message, name).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ /)
        expect(Date.now() - started, name).toBeLessThan(2_000)
      }
      await outage.start()
      let back = false
      for (let i = 0; i < 40 && !back; i++) back = await sessions.isActive(id).then(() => true, () => sleep(250).then(() => false))
      expect(back).toBe(true)
    } finally {
      await outage.stop()
    }
  })
})
