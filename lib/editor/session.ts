import type { EditorFields } from './fields'

/**
 * Where the author is in a note, kept for the life of the browser tab outside React: `npm run dev`
 * re-renders the admin after every save (Contentlayer regenerates), and a new note's page becomes
 * the note's own page, both of which remount the editor. It resumes from here, cursor and all.
 */
export type EditorSession = {
  fields: EditorFields
  saved: EditorFields
  serverSlug: string | null
  draft: boolean
  version: string | null
  body: { focused: boolean; anchor: number; head: number }
}

const sessions = new Map<string, EditorSession>()
const keyOf = (slug: string | null) => slug ?? ':new'

export function rememberSession(slug: string | null, session: EditorSession): void {
  sessions.set(keyOf(slug), session)
}

export function forgetSession(slug: string | null): void {
  sessions.delete(keyOf(slug))
}

/** The session to resume: only one that started from the very version the page loaded. */
export function resumeSession(slug: string | null, loadedVersion: string | null): EditorSession | null {
  const session = sessions.get(keyOf(slug))
  return session && session.version === loadedVersion ? session : null
}
