import type { SessionStore } from './session-store'

/**
 * The server's list of live admin sessions, wherever it is kept (lib/auth/backends.ts chooses):
 * a session cookie is honoured only while its id is active here.
 */
export interface Sessions {
  create(lifetimeMs: number): Promise<string>
  isActive(id: unknown): Promise<boolean>
  revoke(id: unknown): Promise<void>
  /** "Sign out everywhere": ends every session, on every instance. */
  revokeAll(): Promise<void>
}

/** The one-machine session file (synchronous) behind the same interface as the Redis store. */
export function fileSessions(store: SessionStore): Sessions {
  return {
    create: async (lifetimeMs) => store.create(lifetimeMs),
    isActive: async (id) => store.isActive(id),
    revoke: async (id) => store.revoke(id),
    revokeAll: async () => store.revokeAll(),
  }
}
