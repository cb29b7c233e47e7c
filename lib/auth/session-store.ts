import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs'
import path from 'node:path'
import { endAllSessions } from './session-list.mjs'

type Sessions = Record<string, number>

/**
 * The server's list of live admin sessions (id → expiry, ms). A session cookie is honoured only
 * while its id is here, so signing out, or "sign out everywhere", ends it even though the JWT in
 * a copied cookie is still validly signed. Persisted so a restart does not sign the author out.
 */
export class SessionStore {
  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  create(lifetimeMs: number): string {
    const id = randomBytes(24).toString('base64url')
    this.write({ ...this.live(), [id]: this.now() + lifetimeMs })
    return id
  }

  isActive(id: unknown): boolean {
    return typeof id === 'string' && (this.live()[id] ?? 0) > this.now()
  }

  revoke(id: unknown): void {
    if (typeof id !== 'string') return
    const sessions = this.live()
    delete sessions[id]
    this.write(sessions)
  }

  revokeAll(): void {
    endAllSessions(this.file)
  }

  // Read on every call: the file is tiny, and Next may load this module more than once
  // (route handlers and pages are bundled apart), so an in-memory copy could go stale.
  private live(): Sessions {
    const now = this.now()
    return Object.fromEntries(Object.entries(this.read()).filter(([, expires]) => typeof expires === 'number' && expires > now))
  }

  private read(): Sessions {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8'))
      return parsed && typeof parsed === 'object' ? (parsed as Sessions) : {}
    } catch {
      return {}
    }
  }

  /** Temp file in the same folder, fsync, rename: a crash leaves the old list or the new one. */
  private write(sessions: Sessions): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 })
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    writeFileSync(temp, JSON.stringify(sessions), { mode: 0o600 })
    const fd = openSync(temp, 'r')
    fsyncSync(fd)
    closeSync(fd)
    renameSync(temp, this.file)
  }
}
