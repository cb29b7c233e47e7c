import 'server-only'
import path from 'node:path'
import { authEnv } from '@/lib/auth/config'
import { sharedRedis } from '@/lib/redis'
import { settings } from '@/lib/settings'
import { redisAutosaves } from './redis-autosaves'
import { redisNoteLocks } from './redis-note-lock'
import { RedisShareStore } from './redis-shares'
import { RemoteRepo } from './remote/repo'
import { ShareStore, type ShareLinks } from './shares'
import { NoteStore } from './store'

// Where the admin's state lives, chosen in one place: locks, links and (with a remote) autosaves
// on Redis when REDIS_URL is set (every instance sees the same), notes in a clone of
// CONTENT_GIT_REMOTE when that is set (every commit pushed); else all of it on this machine's disk.

/** The store over the site's notes folder (`<CONTENT_DIR>/notes`), or the notes folder of the remote's clone. */
export function noteStore(): NoteStore {
  const redis = sharedRedis()
  const locks = redis ? { locks: redisNoteLocks(redis) } : {}
  const remote = settings().contentRemote
  if (!remote) return new NoteStore(settings().notesDir, locks)
  return new NoteStore(remote.notesDir, { ...locks, remote: new RemoteRepo(remote), ...(redis && { autosaves: redisAutosaves(redis) }) })
}

/** Draft share links, signed with AUTH_SECRET: on Redis, or beside the session list (AUTH_STATE_DIR). */
export function shareStore(): ShareLinks {
  const redis = sharedRedis()
  if (redis) return new RedisShareStore(redis, authEnv().AUTH_SECRET)
  return new ShareStore(path.join(settings().authStateDir, 'shares.json'), authEnv().AUTH_SECRET)
}

/** Where the author finds a file of the notes folder (`x.ipynb`), in the words of this setup. */
export function notesFolderFile(file: string): string {
  const { contentRemote, contentDirName } = settings()
  if (!contentRemote) return `${contentDirName}/notes/${file}`
  return `${contentRemote.layout === 'site' ? `${contentDirName}/` : ''}notes/${file} in the content repository`
}
