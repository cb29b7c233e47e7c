import 'server-only'
import path from 'node:path'
import { authEnv } from '@/lib/auth/config'
import { settings } from '@/lib/settings'
import { RemoteRepo } from './remote/repo'
import { ShareStore } from './shares'
import { NoteStore } from './store'

/**
 * The store over the site's notes folder (`<CONTENT_DIR>/notes`), or with CONTENT_GIT_REMOTE
 * over `notes/` of this instance's clone, pushing every commit.
 */
export function noteStore(): NoteStore {
  const remote = settings().contentRemote
  return remote ? new NoteStore(path.join(remote.workDir, 'notes'), new RemoteRepo(remote)) : new NoteStore(settings().notesDir)
}

/** Draft share links, kept beside the session list (AUTH_STATE_DIR) and signed with AUTH_SECRET. */
export function shareStore(): ShareStore {
  return new ShareStore(path.join(settings().authStateDir, 'shares.json'), authEnv().AUTH_SECRET)
}
