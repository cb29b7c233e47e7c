import fs from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import git, { type TreeEntry } from 'isomorphic-git'
import { writeFileAtomic } from '../atomic-write'

/** A clone as isomorphic-git sees it; `cache` is shared by the calls of one repository. */
export type Clone = { fs: typeof fs; dir: string; cache: object }

/** New content for paths of a tree (relative, `/`-separated): a blob id, or null to remove the path. */
export type Changes = Map<string, string | null>

const AUTHOR = { name: 'Notes admin', email: 'admin@localhost' }

const treeOf = async (clone: Clone, commit: string) => (await git.readCommit({ ...clone, oid: commit })).commit.tree
const entriesOf = async (clone: Clone, tree: string | null): Promise<TreeEntry[]> => (tree ? (await git.readTree({ ...clone, oid: tree })).tree : [])

/** The tree `base` with `changes` applied, or null when nothing is left in it. */
async function applyChanges(clone: Clone, base: string | null, changes: Changes): Promise<string | null> {
  const entries = new Map((await entriesOf(clone, base)).map((entry) => [entry.path, entry]))
  const nested = new Map<string, Changes>()
  for (const [file, oid] of changes) {
    const [head, ...rest] = file.split('/')
    if (rest.length === 0) {
      if (oid === null) entries.delete(head)
      else entries.set(head, { mode: '100644', path: head, oid, type: 'blob' })
    } else {
      if (!nested.has(head)) nested.set(head, new Map())
      nested.get(head)!.set(rest.join('/'), oid)
    }
  }
  for (const [name, inner] of nested) {
    const current = entries.get(name)
    const tree = await applyChanges(clone, current?.type === 'tree' ? current.oid : null, inner)
    if (tree) entries.set(name, { mode: '040000', path: name, oid: tree, type: 'tree' })
    else entries.delete(name)
  }
  return entries.size === 0 ? null : git.writeTree({ ...clone, tree: [...entries.values()] })
}

/** A new commit on `parent` with `changes`, without moving any branch. */
export async function commitOnto(clone: Clone, parent: string, changes: Changes, message: string): Promise<string> {
  const tree = (await applyChanges(clone, await treeOf(clone, parent), changes)) ?? (await git.writeTree({ ...clone, tree: [] }))
  return git.commit({ ...clone, message, tree, parent: [parent], author: AUTHOR, committer: AUTHOR, noUpdateBranch: true })
}

/** The files whose content differs between two commits, with their blob in `to` (null: gone). */
export async function changesBetween(clone: Clone, from: string, to: string): Promise<Changes> {
  const changes: Changes = new Map()
  const walk = async (a: string | null, b: string | null, prefix: string) => {
    if (a === b) return
    const left = new Map((await entriesOf(clone, a)).map((entry) => [entry.path, entry]))
    const right = new Map((await entriesOf(clone, b)).map((entry) => [entry.path, entry]))
    for (const name of new Set([...left.keys(), ...right.keys()])) {
      const [l, r] = [left.get(name), right.get(name)]
      if (l?.oid === r?.oid && l?.type === r?.type) continue
      const tree = (entry?: TreeEntry) => (entry?.type === 'tree' ? entry.oid : null)
      // In the order the work tree can follow: a file goes before a folder takes its name, and back.
      if (l?.type === 'blob' && r?.type !== 'blob') changes.set(`${prefix}${name}`, null)
      if (l?.type === 'tree' || r?.type === 'tree') await walk(tree(l), tree(r), `${prefix}${name}/`)
      if (r?.type === 'blob') changes.set(`${prefix}${name}`, r.oid)
    }
  }
  await walk(await treeOf(clone, from), await treeOf(clone, to), '')
  return changes
}

/** The blob id of `file` at a commit, or null. */
export async function blobAt(clone: Clone, commit: string, file: string): Promise<string | null> {
  try {
    return (await git.readBlob({ ...clone, oid: commit, filepath: file })).oid
  } catch {
    return null
  }
}

/** Writes `changes` into the work tree (atomically per file), removing the files set to null. */
export async function writeWorkTree(clone: Clone, changes: Changes): Promise<void> {
  for (const [file, oid] of changes) {
    const target = path.join(clone.dir, ...file.split('/'))
    if (oid === null) {
      await rm(target, { force: true })
      continue
    }
    await mkdir(path.dirname(target), { recursive: true })
    await writeFileAtomic(target, (await git.readBlob({ ...clone, oid })).blob)
  }
}
