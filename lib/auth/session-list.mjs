// Where the server keeps its list of live sessions, and the one way to end them all. Plain
// JavaScript: `npm run author:password` runs in plain Node and signs out everywhere through it,
// exactly as the admin's button and the sessions route do.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { DEFAULT_AUTH_STATE_DIR } from '../settings/defaults.mjs'

/**
 * The session list (lib/auth/session-store.ts reads and writes it).
 * @param {string} root the project folder
 * @param {string} [stateDir] AUTH_STATE_DIR, relative to `root` (or absolute)
 */
export function sessionListFile(root, stateDir) {
  return path.resolve(/* turbopackIgnore: true */ root, stateDir || DEFAULT_AUTH_STATE_DIR, 'sessions.json')
}

/**
 * Ends every session of the author, this one included: a session cookie counts only while its id
 * is in the list, and a missing list is an empty one.
 * @param {string} file the session list
 */
export function endAllSessions(file) {
  rmSync(file, { force: true })
}

/**
 * On Redis (REDIS_URL), each session is a key `session:<id>` holding the generation it was made in
 * and expiring with it; "sign out everywhere" moves the generation on, which ends every session on
 * every instance at once (lib/auth/redis-session-store.ts).
 */
export const SESSION_GENERATION_KEY = 'sessions:generation'

/**
 * Ends every session kept on Redis, from any instance or from a script.
 * @param {import('../redis/connect.mjs').RedisConnection} redis
 */
export async function endAllRedisSessions(redis) {
  await redis.run((client) => client.incr(SESSION_GENERATION_KEY))
}
