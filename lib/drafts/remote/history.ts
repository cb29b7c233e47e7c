import git from 'isomorphic-git'
import type { Deletion, Revision } from '../git'
import type { Clone } from './trees'

// The embedded store's history (lib/drafts/git.ts) read from the clone with isomorphic-git.

const subject = (message: string) => message.split('\n')[0]
const isoDate = (seconds: number) => new Date(seconds * 1000).toISOString()
const REVISION = /^[0-9a-f]{7,40}$/

export async function fileHistory(clone: Clone, ref: string, file: string, limit = 50): Promise<Revision[]> {
  try {
    const commits = await git.log({ ...clone, ref, filepath: file, force: true })
    return commits.slice(0, limit).map(({ oid, commit }) => ({ commit: oid, date: isoDate(commit.committer.timestamp), message: subject(commit.message) }))
  } catch {
    return []
  }
}

export async function revisionInfo(clone: Clone, commit: string): Promise<Revision | null> {
  if (!REVISION.test(commit)) throw new Error('Not a revision id.')
  try {
    const oid = await git.expandOid({ ...clone, oid: commit })
    const read = await git.readCommit({ ...clone, oid })
    return { commit: oid, date: isoDate(read.commit.committer.timestamp), message: subject(read.commit.message) }
  } catch {
    return null
  }
}

export async function fileAt(clone: Clone, file: string, commit: string): Promise<string | null> {
  if (!REVISION.test(commit)) throw new Error('Not a revision id.')
  try {
    const oid = await git.expandOid({ ...clone, oid: commit })
    return Buffer.from((await git.readBlob({ ...clone, oid, filepath: file })).blob).toString('utf8')
  } catch {
    return null
  }
}

const namesIn = async (clone: Clone, commit: string, dir: string): Promise<{ tree: string | null; names: Set<string> }> => {
  try {
    const { oid, tree } = await git.readTree({ ...clone, oid: commit, filepath: dir })
    return { tree: oid, names: new Set(tree.filter((entry) => entry.type === 'blob').map((entry) => entry.path)) }
  } catch {
    return { tree: null, names: new Set() }
  }
}

/** Files deleted directly in `dir` (repository-relative), newest deletion first, over the last `limit` commits. */
export async function deletedFiles(clone: Clone, ref: string, dir: string, limit = 200): Promise<Deletion[]> {
  const commits = await git.log({ ...clone, ref, depth: limit })
  const seen = new Map<string, Deletion>()
  for (const { oid, commit } of commits) {
    const [parent] = commit.parent
    if (!parent) continue
    const now = await namesIn(clone, oid, dir)
    const before = await namesIn(clone, parent, dir)
    if (now.tree === before.tree) continue
    for (const name of before.names) {
      const file = `${dir}/${name}`
      if (!now.names.has(name) && !seen.has(file)) seen.set(file, { file, commit: oid, date: isoDate(commit.committer.timestamp) })
    }
  }
  return [...seen.values()]
}
