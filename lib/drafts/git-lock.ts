import { rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { LOCK_WAIT_MS, withFileLock } from './file-lock'

/**
 * Git's own lock files (index.lock, HEAD.lock, a branch's .lock) are never refreshed, so age is
 * the only sign that the git holding one died. While we hold the repository lock none of our
 * processes runs git there; one older than this is a crashed git's (or an author's editor left
 * open on `git commit`, which then has to commit again).
 */
export const GIT_LOCK_STALE_MS = 5_000

const LOCK_FILE_EXISTS = /Unable to create '([^']+\.lock)': File exists/

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs git work on the repository whose git folder is `gitDir` one sequence at a time, across processes too. */
export function withRepoLock<T>(gitDir: string, task: () => Promise<T>): Promise<T> {
  return withFileLock(path.join(gitDir, 'notes-admin.lock'), task)
}

/**
 * Runs a git command that takes git's locks, waiting while another git holds one and removing
 * one left by a crashed git (inside `gitDir` only), instead of failing on "index.lock exists".
 */
export async function retryWhileGitLocked<T>(gitDir: string, run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    try {
      return await run()
    } catch (error) {
      const held = LOCK_FILE_EXISTS.exec(String((error as { stderr?: unknown }).stderr ?? (error as Error).message))
      const file = held && path.resolve(gitDir, held[1])
      if (!file || path.relative(gitDir, file).startsWith('..')) throw error
      const age = await stat(file).then(
        (info) => Date.now() - info.mtimeMs,
        () => null,
      )
      if (age !== null && age > GIT_LOCK_STALE_MS) {
        await rm(file, { force: true })
        continue
      }
      if (Date.now() + delay > deadline) throw error
      await sleep(delay)
    }
  }
}
