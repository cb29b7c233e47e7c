import 'server-only'
import path from 'node:path'
import { authEnv } from '@/lib/auth/config'
import { sharedRedis } from '@/lib/redis'
import { settings } from '@/lib/settings'
import { redisNoteLocks } from './redis-note-lock'
import { RedisShareStore } from './redis-shares'
import { ShareStore, type ShareLinks } from './shares'
import { NoteStore } from './store'

// Where the admin's shared state lives, chosen in one place: on Redis when REDIS_URL is set (every
// instance sees the same locks and links), else on this machine's disk.

/** The store over the site's notes folder (`<CONTENT_DIR>/notes`). */
export function noteStore(): NoteStore {
  const redis = sharedRedis()
  return new NoteStore(settings().notesDir, redis ? { locks: redisNoteLocks(redis) } : {})
}

/** Draft share links, signed with AUTH_SECRET: on Redis, or beside the session list (AUTH_STATE_DIR). */
export function shareStore(): ShareLinks {
  const redis = sharedRedis()
  if (redis) return new RedisShareStore(redis, authEnv().AUTH_SECRET)
  return new ShareStore(path.join(settings().authStateDir, 'shares.json'), authEnv().AUTH_SECRET)
}
