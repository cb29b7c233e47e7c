import 'server-only'
import type { RedisConnection } from '@/lib/redis/connect.mjs'
import { ShareSigner, type Share, type ShareLinks } from './shares'

const shareKey = (id: string) => `share:${id}`
const noteKey = (slug: string) => `shares:note:${slug}`

function parse(value: string | null): Share | null {
  if (!value) return null
  try {
    const share = JSON.parse(value) as Share
    return typeof share?.id === 'string' && typeof share.slug === 'string' && typeof share.expires === 'number' ? share : null
  } catch {
    return null
  }
}

/**
 * Share links on Redis, seen by every instance: `share:<id>` holds a share and expires with it;
 * `shares:note:<slug>` lists a note's ids (expired ones are dropped as they are met), so a
 * note's links can be listed and revoked together.
 */
export class RedisShareStore implements ShareLinks {
  private readonly signer: ShareSigner

  constructor(
    private readonly redis: RedisConnection,
    secret: string,
  ) {
    this.signer = new ShareSigner(secret)
  }

  async create(slug: string, days: number): Promise<{ share: Share; token: string }> {
    const share = this.signer.newShare(slug, days)
    await this.redis.run((client) => client.multi().set(shareKey(share.id), JSON.stringify(share), 'PXAT', share.expires).sadd(noteKey(share.slug), share.id).exec())
    return { share, token: this.signer.tokenFor(share) }
  }

  async list(slug: string): Promise<Array<Share & { token: string }>> {
    return (await this.ofNote(slug)).map((share) => ({ ...share, token: this.signer.tokenFor(share) }))
  }

  async revoke(id: string): Promise<boolean> {
    return this.redis.run(async (client) => {
      const share = parse(await client.get(shareKey(id)))
      if (!share) return false
      const [[, deleted] = []] = (await client.multi().del(shareKey(id)).srem(noteKey(share.slug), id).exec()) ?? []
      return deleted === 1
    })
  }

  /** Revokes every link to a slug (a deleted or renamed note's); returns how many were live. */
  async revokeNote(slug: string): Promise<number> {
    return this.redis.run(async (client) => {
      const ids = await client.smembers(noteKey(slug))
      if (ids.length === 0) return 0
      const [[, deleted] = []] = (await client.multi().del(...ids.map(shareKey)).del(noteKey(slug)).exec()) ?? []
      return Number(deleted)
    })
  }

  /** The share a token stands for, or null when it is forged, expired or revoked. */
  async verify(token: string): Promise<Share | null> {
    const id = this.signer.idOf(token)
    if (!id) return null
    const share = parse(await this.redis.run((client) => client.get(shareKey(id))))
    return this.signer.matches(share, token) ? share : null
  }

  private async ofNote(slug: string): Promise<Share[]> {
    return this.redis.run(async (client) => {
      const ids = await client.smembers(noteKey(slug))
      if (ids.length === 0) return []
      const values = await client.mget(...ids.map(shareKey))
      const gone = ids.filter((_, i) => values[i] === null)
      if (gone.length > 0) await client.srem(noteKey(slug), ...gone)
      return values.map(parse).filter((share): share is Share => share !== null && share.slug === slug)
    })
  }
}
