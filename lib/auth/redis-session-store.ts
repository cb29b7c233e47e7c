import { randomBytes } from 'node:crypto'
import type { RedisConnection } from '@/lib/redis/connect.mjs'
import { endAllRedisSessions, SESSION_GENERATION_KEY } from './session-list.mjs'
import type { Sessions } from './sessions'

const sessionKey = (id: string) => `session:${id}`

/**
 * The live admin sessions on Redis, shared by every instance: a session is honoured while its key
 * is there (Redis expires it with the session) and was made in the current generation.
 */
export class RedisSessionStore implements Sessions {
  constructor(private readonly redis: RedisConnection) {}

  async create(lifetimeMs: number): Promise<string> {
    const id = randomBytes(24).toString('base64url')
    await this.redis.run(async (client) => {
      const generation = (await client.get(SESSION_GENERATION_KEY)) ?? '0'
      await client.set(sessionKey(id), generation, 'PX', Math.max(1, Math.round(lifetimeMs)))
    })
    return id
  }

  async isActive(id: unknown): Promise<boolean> {
    if (typeof id !== 'string' || id === '') return false
    const [generation, current] = await this.redis.run((client) => client.mget(sessionKey(id), SESSION_GENERATION_KEY))
    return generation !== null && generation === (current ?? '0')
  }

  async revoke(id: unknown): Promise<void> {
    if (typeof id !== 'string' || id === '') return
    await this.redis.run((client) => client.del(sessionKey(id)))
  }

  revokeAll(): Promise<void> {
    return endAllRedisSessions(this.redis)
  }
}
