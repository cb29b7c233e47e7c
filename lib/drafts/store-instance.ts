import 'server-only'
import path from 'node:path'
import { authEnv } from '@/lib/auth/config'
import { ShareStore } from './shares'
import { NoteStore } from './store'

/** The store over the site's notes folder (CONTENT_DIR, `content` by default). */
export function noteStore(): NoteStore {
  const contentDir = process.env.CONTENT_DIR ?? 'content'
  return new NoteStore(path.join(/* turbopackIgnore: true */ process.cwd(), contentDir, 'notes'))
}

/** Draft share links, kept beside the session list (AUTH_STATE_DIR) and signed with AUTH_SECRET. */
export function shareStore(): ShareStore {
  const env = authEnv()
  return new ShareStore(path.join(/* turbopackIgnore: true */ process.cwd(), env.AUTH_STATE_DIR, 'shares.json'), env.AUTH_SECRET)
}
