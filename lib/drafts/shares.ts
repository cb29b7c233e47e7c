import 'server-only'
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { validateSlug } from '@/lib/notes/slug'
import { writeFileAtomic } from './atomic-write'

export type Share = { id: string; slug: string; created: number; expires: number }

export const SHARE_LIFETIMES_DAYS = [1, 7, 30] as const
const DAY_MS = 24 * 60 * 60 * 1000

/** What the admin and the share page do with share links, wherever they are kept (store-instance.ts chooses). */
export interface ShareLinks {
  create(slug: string, days: number): Promise<{ share: Share; token: string }>
  list(slug: string): Promise<Array<Share & { token: string }>>
  revoke(id: string): Promise<boolean>
  revokeNote(slug: string): Promise<number>
  verify(token: string): Promise<Share | null>
}

/**
 * A share's token: a random id plus an HMAC over the id, slug and expiry, so it cannot be forged
 * or pointed at another note. Shared by the file and the Redis stores.
 */
export class ShareSigner {
  private readonly key: Buffer

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    // Its own key, so a share signature can never stand in for anything signed with the secret.
    this.key = createHash('sha256').update(`draft-share-links:${secret}`).digest()
  }

  /** A new share of a (validated) slug. */
  newShare(slug: string, days: number): Share {
    const checked = validateSlug(slug)
    if (!checked.ok) throw new Error(checked.error)
    const created = this.now()
    return { id: randomBytes(16).toString('base64url'), slug: checked.slug, created, expires: created + days * DAY_MS }
  }

  tokenFor(share: Share): string {
    return `${share.id}.${this.signature(share)}`
  }

  /** The id a token names, if it has the shape of one. */
  idOf(token: string): string | null {
    const [id, signature, extra] = token.split('.')
    return id && signature && extra === undefined ? id : null
  }

  /** Whether `token` is the unexpired token of `share`. */
  matches(share: Share | null | undefined, token: string): share is Share {
    if (!share || share.expires <= this.now()) return false
    const expected = Buffer.from(this.tokenFor(share))
    const given = Buffer.from(token)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  private signature(share: Share): string {
    return createHmac('sha256', this.key).update(`${share.id}:${share.slug}:${share.expires}`).digest('base64url')
  }
}

/**
 * Read-only links to a draft for reviewers who cannot sign in, kept in a JSON file (one machine).
 * The id must still be listed here, so deleting it revokes the link at once.
 */
export class ShareStore implements ShareLinks {
  private readonly signer: ShareSigner

  constructor(
    private readonly file: string,
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.signer = new ShareSigner(secret, now)
  }

  async create(slug: string, days: number): Promise<{ share: Share; token: string }> {
    const share = this.signer.newShare(slug, days)
    await this.write([...(await this.live()), share])
    return { share, token: this.signer.tokenFor(share) }
  }

  async list(slug: string): Promise<Array<Share & { token: string }>> {
    return (await this.live()).filter((share) => share.slug === slug).map((share) => ({ ...share, token: this.signer.tokenFor(share) }))
  }

  async revoke(id: string): Promise<boolean> {
    const shares = await this.live()
    const kept = shares.filter((share) => share.id !== id)
    await this.write(kept)
    return kept.length !== shares.length
  }

  /**
   * Revokes every link to a slug: a deleted or renamed note's links must never show whatever note
   * takes that slug later. Returns how many were live.
   */
  async revokeNote(slug: string): Promise<number> {
    const shares = await this.live()
    const kept = shares.filter((share) => share.slug !== slug)
    if (kept.length !== shares.length) await this.write(kept)
    return shares.length - kept.length
  }

  /** The share a token stands for, or null when it is forged, expired or revoked. */
  async verify(token: string): Promise<Share | null> {
    const id = this.signer.idOf(token)
    if (!id) return null
    const share = (await this.live()).find((candidate) => candidate.id === id)
    return this.signer.matches(share, token) ? share : null
  }

  private async live(): Promise<Share[]> {
    let parsed: unknown
    try {
      parsed = JSON.parse(await readFile(this.file, 'utf8'))
    } catch {
      return []
    }
    const now = this.now()
    return Array.isArray(parsed) ? (parsed as Share[]).filter((share) => share && typeof share.id === 'string' && share.expires > now) : []
  }

  private async write(shares: Share[]): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 })
    await writeFileAtomic(this.file, JSON.stringify(shares))
  }
}
