// The one way this project talks to Redis (README, "Several instances"). Plain JavaScript:
// `npm run author:password` runs in plain Node and signs out everywhere through it too.
import { Redis } from 'ioredis'

/** How long an operation may wait for a connection before it fails: an admin request must not hang. */
export const REDIS_WAIT_MS = 1_000

/** Redis could not be reached, or refused a command: the caller answers 503, never hangs. */
class RedisUnavailable extends Error {
  /**
   * @param {string} message
   * @param {unknown} [cause]
   */
  constructor(message, cause) {
    super(message, { cause })
    this.name = 'RedisUnavailableError'
  }
}

// One class per process: the connection is shared by every bundle (route handlers, pages, the
// instrumentation hook each load their own copy of this module), so whichever copy made it, the
// errors it throws must be `instanceof` the class every other copy checks.
const classes = /** @type {Record<symbol, typeof RedisUnavailable | undefined>} */ (/** @type {unknown} */ (globalThis))
export const RedisUnavailableError = (classes[Symbol.for('notes.RedisUnavailableError')] ??= RedisUnavailable)

/**
 * The URL without its password, for messages and logs.
 * @param {string} url
 */
export function redisLabel(url) {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`
  } catch {
    return 'Redis'
  }
}

/**
 * A client that fails fast: no offline queue (a command while disconnected is refused at once),
 * a short connect timeout and one try per command, while it keeps reconnecting in the background.
 * Connects on first use. rediss:// URLs use TLS (e.g. Upstash).
 * @param {{ url: string, prefix: string }} options
 * @returns {Redis}
 */
export function createRedisClient({ url, prefix }) {
  const client = new Redis(url, {
    lazyConnect: true,
    keyPrefix: prefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: REDIS_WAIT_MS,
    commandTimeout: 2 * REDIS_WAIT_MS,
    retryStrategy: (times) => Math.min(100 * times, 2_000),
  })
  // Without a listener, every failed reconnect would print an unhandled 'error' event.
  client.on('error', () => undefined)
  return client
}

/**
 * Waits (at most REDIS_WAIT_MS) for the client to be connected, starting it on first use.
 * @param {Redis} client
 * @param {string} label what to name in the error
 * @returns {Promise<Redis>}
 */
export async function readyRedis(client, label) {
  if (client.status === 'ready') return client
  if (client.status === 'wait' || client.status === 'end') client.connect().catch(() => undefined)
  const ready = await new Promise((resolve) => {
    const done = (/** @type {boolean} */ value) => {
      clearTimeout(timer)
      client.off('ready', onReady)
      resolve(value)
    }
    const onReady = () => done(true)
    const timer = setTimeout(() => done(client.status === 'ready'), REDIS_WAIT_MS)
    client.on('ready', onReady)
  })
  if (!ready) throw new RedisUnavailableError(`Redis at ${label} is unreachable (no connection within ${REDIS_WAIT_MS / 1000} s).`)
  return client
}

/** One process's connection to the shared Redis, with its key prefix. */
export class RedisConnection {
  /** @param {{ url: string, prefix: string }} options */
  constructor(options) {
    this.label = redisLabel(options.url)
    this.prefix = options.prefix
    this.client = createRedisClient(options)
  }

  /** The connected client, or a RedisUnavailableError within REDIS_WAIT_MS. */
  ready() {
    return readyRedis(this.client, this.label)
  }

  /**
   * Runs `operation` on the connected client; any failure becomes a RedisUnavailableError naming Redis.
   * @template T
   * @param {(redis: Redis) => Promise<T>} operation
   * @returns {Promise<T>}
   */
  async run(operation) {
    const redis = await this.ready()
    try {
      return await operation(redis)
    } catch (error) {
      throw this.failure(error)
    }
  }

  /**
   * A failure of a command, as the error callers see.
   * @param {unknown} error
   */
  failure(error) {
    if (error instanceof RedisUnavailableError) return error
    return new RedisUnavailableError(`Redis at ${this.label} failed: ${/** @type {Error} */ (error).message}`, error)
  }

  /**
   * Calls `onMessage` with each message published on `channel`, on a connection of its own (Redis
   * wants one for subscribing) that waits for Redis however long it is away. `onReturn` is called
   * each time it is back after a drop: what was published meanwhile was missed.
   * @param {string} channel
   * @param {(message: string) => void} onMessage
   * @param {() => void} onReturn
   * @returns {() => void} stops listening
   */
  subscribe(channel, onMessage, onReturn) {
    const subscriber = this.client.duplicate({ lazyConnect: false, enableOfflineQueue: true, maxRetriesPerRequest: null })
    subscriber.on('error', () => undefined)
    let connectedBefore = false
    subscriber.on('ready', () => {
      if (connectedBefore) onReturn()
      connectedBefore = true
    })
    subscriber.on('message', (from, message) => from === channel && onMessage(message))
    subscriber.subscribe(channel).catch(() => undefined)
    return () => subscriber.disconnect()
  }

  /** Closes the connection (tests, scripts). */
  close() {
    this.client.disconnect()
  }
}
