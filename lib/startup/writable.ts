import { randomBytes } from 'node:crypto'
import { accessSync, closeSync, constants, openSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Undefined when this process can make files in `dir`, or, where `dir` does not exist yet, in the
 * folder that would hold it (the note store and the session list make their folders); else why
 * not, in the system's words.
 */
export function whyNotWritable(dir: string): string | undefined {
  const existing = nearestExisting(path.resolve(dir))
  if ('problem' in existing) return existing.problem
  const where = existing.folder === path.resolve(dir) ? '' : `it does not exist and cannot be made in ${existing.folder}: `
  // Named like an atomic write's temp file (lib/drafts/atomic-write.ts), so one a kill leaves in the
  // notes folder is cleaned up with theirs.
  const probe = path.join(existing.folder, `.startup-write-check.${randomBytes(6).toString('hex')}.tmp`)
  try {
    accessSync(existing.folder, constants.W_OK)
    // access() answers from the permission bits, which root passes even where no file can be made
    // (/proc, some read-only bind mounts): only making one tells.
    closeSync(openSync(probe, 'wx', 0o600))
  } catch (error) {
    return `${where}${(error as Error).message}`
  }
  try {
    rmSync(probe)
    return undefined
  } catch (error) {
    return `${where}a file made there cannot be removed: ${(error as Error).message}`
  }
}

/** `dir` or the nearest folder above it that exists. */
function nearestExisting(dir: string): { folder: string } | { problem: string } {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      if (statSync(at).isDirectory()) return { folder: at }
      return { problem: `${at} is a file, not a folder` }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || at === path.dirname(at)) return { problem: (error as Error).message }
    }
  }
}
