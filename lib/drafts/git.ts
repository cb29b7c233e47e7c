import { execFile } from 'node:child_process'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { retryWhileGitLocked, withRepoLock } from './git-lock'

const run = promisify(execFile)

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 })
  return stdout
}

/** The work tree holding `dir`, or null when there is none (then the admin says history is off). */
export async function gitRoot(dir: string): Promise<string | null> {
  try {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).trim()
  } catch {
    return null
  }
}

export type Revision = { commit: string; date: string; message: string }

const AUTHOR = ['-c', 'user.name=Notes admin', '-c', 'user.email=admin@localhost']

/** The repository's own git folder (shared by its work trees), where git keeps its locks. */
async function commonGitDir(root: string): Promise<string> {
  return realpath(path.resolve(root, (await git(root, ['rev-parse', '--git-common-dir'])).trim()))
}

/**
 * Commits exactly these files as they are on disk (added, changed or deleted): `--only` leaves
 * anything else the author has staged untouched and out of the commit. One commit at a time per
 * repository (git's index allows no more), across processes too; temp files of interrupted
 * writes in a committed folder stay out.
 */
export async function commitFiles(root: string, files: string[], message: string): Promise<string | null> {
  const relative = files.map((file) => path.relative(root, file))
  const gitDir = await commonGitDir(root)
  return withRepoLock(gitDir, async () => {
    const locking = (args: string[]) => retryWhileGitLocked(gitDir, () => git(root, args))
    await locking(['add', '--all', '--', ...relative])
    await locking(['rm', '--quiet', '--cached', '--ignore-unmatch', '--', ...relative.map((name) => `:(glob)${name}/**/.*.tmp`)])
    const changed = await git(root, ['status', '--porcelain', '--untracked-files=no', '--', ...relative])
    if (!changed.trim()) return null
    await locking([...AUTHOR, 'commit', '--quiet', '--no-verify', '--only', '-m', message, '--', ...relative])
    return (await git(root, ['rev-parse', 'HEAD'])).trim()
  })
}

/** Whether the last commit has this file (so saving it is an update, not a creation). */
export async function isCommitted(root: string, file: string): Promise<boolean> {
  try {
    await git(root, ['cat-file', '-e', `HEAD:${path.relative(root, file)}`])
    return true
  } catch {
    return false
  }
}

export type Deletion = { file: string; commit: string; date: string }

/** Files deleted under `dir` (newest deletion first), with the commit that deleted each. */
export async function deletedFiles(root: string, dir: string, limit = 200): Promise<Deletion[]> {
  const out = await git(root, ['log', `-n${limit}`, '--diff-filter=D', '--name-only', '--format=%x1e%H%x1f%cI', '--', path.relative(root, dir)])
  const seen = new Map<string, Deletion>()
  for (const entry of out.split('\x1e').filter((chunk) => chunk.trim())) {
    const [head, ...names] = entry.trim().split('\n')
    const [commit, date] = head.split('\x1f')
    for (const name of names.filter(Boolean)) {
      const file = path.join(root, name)
      if (!seen.has(file)) seen.set(file, { file, commit, date })
    }
  }
  return [...seen.values()]
}

export async function fileHistory(root: string, file: string, limit = 50): Promise<Revision[]> {
  const relative = path.relative(root, file)
  const out = await git(root, ['log', `-n${limit}`, '--format=%H%x1f%cI%x1f%s', '--', relative])
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, date, message] = line.split('\x1f')
      return { commit, date, message }
    })
}

/** One commit's id, date and subject, or null when the repository has no such commit. */
export async function revisionInfo(root: string, commit: string): Promise<Revision | null> {
  if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new Error('Not a revision id.')
  try {
    const [full, date, message] = (await git(root, ['log', '-1', '--format=%H%x1f%cI%x1f%s', commit, '--'])).trim().split('\x1f')
    return { commit: full, date, message }
  } catch {
    return null
  }
}

/** The file's text at a revision, or null when it did not exist there. */
export async function fileAt(root: string, file: string, commit: string): Promise<string | null> {
  if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new Error('Not a revision id.')
  try {
    return await git(root, ['show', `${commit}:${path.relative(root, file)}`])
  } catch {
    return null
  }
}
