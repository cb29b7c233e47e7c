import type { EditorFields } from './fields'

/**
 * The browser's copy of what the author typed, kept until the server confirms it, so a dropped
 * network, a restarted server or a closed tab loses nothing.
 */
export type LocalCopy = { fields: EditorFields; baseVersion: string | null; savedAt: number }

const PREFIX = 'note-editor:'

/** One copy per note; a note not yet saved to the server is "new". */
export const localCopyKey = (slug: string | null) => `${PREFIX}${slug ?? 'new'}`

export function readLocalCopy(storage: Pick<Storage, 'getItem'>, key: string): LocalCopy | null {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? 'null') as LocalCopy | null
    if (!parsed || typeof parsed.savedAt !== 'number' || typeof parsed.fields?.body !== 'string') return null
    return parsed
  } catch {
    return null
  }
}

/** False when the browser refuses (storage full or disabled); the editor then warns on leaving. */
export function writeLocalCopy(storage: Pick<Storage, 'setItem'>, key: string, copy: LocalCopy): boolean {
  try {
    storage.setItem(key, JSON.stringify(copy))
    return true
  } catch {
    return false
  }
}

export function clearLocalCopy(storage: Pick<Storage, 'removeItem'>, key: string): void {
  try {
    storage.removeItem(key)
  } catch {
    // Storage disabled: nothing was kept, nothing to clear.
  }
}
