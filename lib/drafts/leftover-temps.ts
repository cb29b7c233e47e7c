import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { validateSlug } from '@/lib/notes/slug'
import { TEMP_FILE } from './atomic-write'
import { withNoteLocks, type NoteLocks } from './note-lock'

/** A temp file of anything but a note is left alone this long: its writer takes no note lock. */
const TEMP_GRACE_MS = 60_000

/** The temp files of atomic writes in `dir`, by the name of the file each was to replace. */
async function tempFiles(dir: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>()
  for (const name of await readdir(dir)) {
    const target = TEMP_FILE.exec(name)?.[1]
    if (target) found.set(target, [...(found.get(target) ?? []), path.join(dir, name)])
  }
  return found
}

async function removeFiles(files: string[], olderThanMs = 0): Promise<void> {
  for (const file of files) {
    const age = await stat(file).then((info) => Date.now() - info.mtimeMs, () => null)
    if (age !== null && age >= olderThanMs) await rm(file, { force: true })
  }
}

/**
 * Removes what writes killed mid-way (kill -9, a power cut) left in the notes folder. A note's
 * temp files are written only under its lock, so once we hold it any still there is a leftover.
 */
export async function removeLeftoverTemps(notesDir: string, locks: NoteLocks = withNoteLocks): Promise<void> {
  for (const [target, files] of await tempFiles(notesDir)) {
    const slug = target.endsWith('.mdx') ? target.slice(0, -4) : ''
    try {
      if (validateSlug(slug).ok) await locks(notesDir, [slug], () => removeFiles(files))
      else await removeFiles(files, TEMP_GRACE_MS)
    } catch (error) {
      console.error(`Could not remove the leftover temp files of ${target}: ${(error as Error).message}`)
    }
  }
}
