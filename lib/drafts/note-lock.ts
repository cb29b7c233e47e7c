import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { withFileLock } from './file-lock'

/**
 * Where the notes' locks live: a dot folder (Contentlayer reads notes/*.mdx only, and its watcher
 * excludes it) that ignores itself, so no `git add` of the content repository can commit it.
 */
export const LOCKS_DIR = '.locks'

async function locksDir(notesDir: string): Promise<string> {
  const dir = path.join(notesDir, LOCKS_DIR)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, '.gitignore'), '*\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
  })
  return dir
}

/** Runs `task` as the only writer of these notes: withNoteLocks here, or redisNoteLocks for several instances. */
export type NoteLocks = <T>(notesDir: string, slugs: string[], task: () => Promise<T>) => Promise<T>

/**
 * Runs `task` as the only writer of these notes (validated slugs), across processes too. Taken
 * in sorted order, so two renames of the same pair of notes cannot deadlock.
 */
export async function withNoteLocks<T>(notesDir: string, slugs: string[], task: () => Promise<T>): Promise<T> {
  const dir = await locksDir(notesDir)
  const ordered = [...new Set(slugs)].sort()
  const holdFrom = (index: number): Promise<T> =>
    index === ordered.length ? task() : withFileLock(path.join(dir, `${ordered[index]}.lock`), () => holdFrom(index + 1))
  return holdFrom(0)
}
