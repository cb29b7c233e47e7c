import fs from 'node:fs'
import { access, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import http from 'isomorphic-git/http/node'
import type { ContentRemote } from '@/lib/settings/schema'
import { withRepoLock } from '../git-lock'
import type { Deletion, Revision } from '../git'
import { deletedFiles, fileAt, fileHistory, revisionInfo } from './history'
import { RemoteAuthError, RemoteConflictError, remoteError, RemoteUnavailableError } from './errors'
import { blobAt, changesBetween, commitOnto, writeWorkTree, type Changes, type Clone } from './trees'

const REMOTE = 'origin'
/** Pushes rejected because another instance moved the branch, fetched and replayed each time. */
const PUSH_ATTEMPTS = 5
/** A request to the remote that has not answered by then counts as the remote being down. */
const REQUEST_TIMEOUT_MS = 15_000

// One clone per work folder and process, however many stores are made over it.
const clones: Map<string, Promise<void>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes-admin.remote-clones')] ??= new Map()) as Map<string, Promise<void>>

const timedHttp = {
  request: (request: Parameters<typeof http.request>[0]) =>
    Promise.race([
      http.request(request),
      new Promise<never>((_, reject) => setTimeout(() => reject(new RemoteUnavailableError('timed out')), REQUEST_TIMEOUT_MS).unref()),
    ]),
}

/**
 * This instance's clone of the content remote (isomorphic-git, so no `git` binary is needed).
 * Every commit is made on the local branch and pushed; a push that another instance beat is
 * fetched and our commits replayed on top, unless they touch a file the other commits changed.
 * Commits that could not be pushed stay on the local branch and go first at the next sync.
 */
export class RemoteRepo {
  private readonly clone: Clone
  private readonly branchRef: string
  private readonly trackingRef: string

  constructor(private readonly remote: Pick<ContentRemote, 'url' | 'branch' | 'workDir' | 'credentials'>) {
    this.clone = { fs, dir: remote.workDir, cache: {} }
    this.branchRef = `refs/heads/${remote.branch}`
    this.trackingRef = `refs/remotes/${REMOTE}/${remote.branch}`
  }

  get dir(): string {
    return this.remote.workDir
  }

  private get network() {
    return {
      http: timedHttp,
      onAuth: () => this.remote.credentials(),
      // The same credentials twice would be refused twice: stop at the first refusal.
      onAuthFailure: () => ({ cancel: true }),
    }
  }

  /** The clone, made on first use (into a temp folder renamed into place, so never half made). */
  ready(): Promise<void> {
    let made = clones.get(this.dir)
    if (!made) {
      made = this.makeClone()
      clones.set(this.dir, made)
      made.catch(() => clones.delete(this.dir))
    }
    return made
  }

  private async makeClone(): Promise<void> {
    if (await exists(path.join(this.dir, '.git'))) {
      const url = await git.getConfig({ ...this.clone, path: `remote.${REMOTE}.url` })
      if (url !== this.remote.url) {
        throw new Error(`CONTENT_WORK_DIR (${this.dir}) is a clone of another remote: give this instance another CONTENT_WORK_DIR, or remove that folder once nothing in it waits to be pushed.`)
      }
      return
    }
    if (await exists(this.dir)) throw new Error(`CONTENT_WORK_DIR (${this.dir}) exists and is not a clone of CONTENT_GIT_REMOTE; give it an empty folder.`)
    const temp = `${this.dir}.cloning-${process.pid}-${Date.now()}`
    try {
      await git.clone({ ...this.clone, ...this.network, dir: temp, url: this.remote.url, ref: this.remote.branch, singleBranch: true, noTags: true })
    } catch (error) {
      await rm(temp, { recursive: true, force: true })
      throw remoteError(error)
    }
    // Another process may have made it first: theirs stays.
    await rename(temp, this.dir).catch(() => rm(temp, { recursive: true, force: true }))
  }

  /** Runs git work on the clone one sequence at a time, across processes too. */
  async exclusive<T>(task: () => Promise<T>): Promise<T> {
    await this.ready()
    return withRepoLock(path.join(this.dir, '.git'), task)
  }

  private resolve(ref: string): Promise<string> {
    return git.resolveRef({ ...this.clone, ref })
  }

  /**
   * Brings the branch up to the remote (lock held): fetches, replays our unpushed commits on the
   * remote's head and pushes them. A commit touching a file the remote changed meanwhile is
   * dropped: `current` (this request's) as a RemoteConflictError, an older one set aside under
   * refs/unpushed/ (its author was answered that it was not on the remote yet).
   */
  async integrate(current?: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const base = await this.resolve(this.trackingRef)
      const local = await this.resolve(this.branchRef)
      try {
        await git.fetch({ ...this.clone, ...this.network, remote: REMOTE, ref: this.remote.branch, singleBranch: true, tags: false })
      } catch (error) {
        throw remoteError(error)
      }
      const remoteHead = await this.resolve(this.trackingRef)
      let head = remoteHead
      let conflict: string[] | null = null
      for (const commit of await this.unpushed(local, base)) {
        const parent = (await git.readCommit({ ...this.clone, oid: commit })).commit.parent[0]
        const changes = await changesBetween(this.clone, parent, commit)
        const clashes = []
        for (const file of changes.keys()) if ((await blobAt(this.clone, head, file)) !== (await blobAt(this.clone, parent, file))) clashes.push(file)
        if (clashes.length === 0) {
          head = parent === head ? commit : await commitOnto(this.clone, head, changes, (await git.readCommit({ ...this.clone, oid: commit })).commit.message)
        } else if (commit === current) {
          conflict = clashes
        } else {
          await git.writeRef({ ...this.clone, ref: `refs/unpushed/${commit}`, value: commit, force: true })
          console.error(`A commit kept while the content remote was down clashes with a newer one there; set aside as refs/unpushed/${commit} in ${this.dir}.`)
        }
      }
      await this.moveBranch(local, head)
      if (head !== remoteHead) {
        try {
          await git.push({ ...this.clone, ...this.network, remote: REMOTE, ref: this.remote.branch, remoteRef: this.remote.branch })
          await git.writeRef({ ...this.clone, ref: this.trackingRef, value: head, force: true })
        } catch (error) {
          const failure = remoteError(error)
          if (failure instanceof RemoteUnavailableError || failure instanceof RemoteAuthError || attempt >= PUSH_ATTEMPTS) throw failure
          continue
        }
      }
      if (conflict) throw new RemoteConflictError(conflict)
      return head
    }
  }

  /** Our commits not on the remote yet, oldest first. */
  private async unpushed(local: string, base: string): Promise<string[]> {
    const commits: string[] = []
    for (let oid = local; oid !== base; ) {
      commits.unshift(oid)
      const [parent] = (await git.readCommit({ ...this.clone, oid })).commit.parent
      if (!parent || commits.length > 10_000) throw new Error(`The clone's ${this.remote.branch} is not based on the remote's; remove ${this.dir} to clone again.`)
      oid = parent
    }
    return commits
  }

  /** Moves the branch and the work tree's committed files from one commit to another. */
  private async moveBranch(from: string, to: string): Promise<void> {
    if (from === to) return
    await writeWorkTree(this.clone, await changesBetween(this.clone, from, to))
    await git.writeRef({ ...this.clone, ref: this.branchRef, value: to, force: true })
  }

  /**
   * Commits these files and folders as they are in the work tree (lock held), on the local
   * branch only; null when none of them changed.
   */
  async commitLocal(files: string[], message: string): Promise<string | null> {
    const head = await this.resolve(this.branchRef)
    const changes: Changes = new Map()
    for (const file of files) {
      const relative = path.relative(this.dir, file)
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue
      for (const [name, blob] of await this.workTreeFiles(head, relative.split(path.sep).join('/'))) {
        if ((await blobAt(this.clone, head, name)) !== blob) changes.set(name, blob)
      }
    }
    if (changes.size === 0) return null
    const commit = await commitOnto(this.clone, head, changes, message)
    await git.writeRef({ ...this.clone, ref: this.branchRef, value: commit, force: true })
    return commit
  }

  /** A path's files in the work tree (a folder's, recursively, leaving out dot files), and those committed there that are gone (null). */
  private async workTreeFiles(head: string, relative: string): Promise<Changes> {
    const found: Changes = new Map()
    const full = path.join(this.dir, relative)
    const info = await fs.promises.stat(full).catch(() => null)
    if (info?.isFile()) found.set(relative, await git.writeBlob({ ...this.clone, blob: await readFile(full) }))
    if (info?.isDirectory()) {
      for (const entry of await readdir(full, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || entry.name.startsWith('.')) continue
        const name = path.relative(this.dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
        found.set(name, await git.writeBlob({ ...this.clone, blob: await readFile(path.join(entry.parentPath, entry.name)) }))
      }
    }
    const committed = await git.listFiles({ ...this.clone, ref: head }).catch(() => [] as string[])
    for (const name of committed) if ((name === relative || name.startsWith(`${relative}/`)) && !found.has(name)) found.set(name, null)
    return found
  }

  /**
   * Whether the remote's branch moved since this clone last fetched, or commits made here wait to
   * be pushed: one small request (the remote's refs), no fetch.
   */
  async outOfStep(): Promise<boolean> {
    await this.ready()
    let refs
    try {
      refs = await git.listServerRefs({ ...this.network, url: this.remote.url, prefix: this.branchRef })
    } catch (error) {
      throw remoteError(error)
    }
    const tracking = await this.resolve(this.trackingRef)
    return refs.find((ref) => ref.ref === this.branchRef)?.oid !== tracking || (await this.head()) !== tracking
  }

  /** Whether commits made here wait to be pushed (no request to the remote). */
  async hasUnpushed(): Promise<boolean> {
    await this.ready()
    return (await this.head()) !== (await this.resolve(this.trackingRef))
  }

  /** The commit the local branch is at. */
  head(): Promise<string> {
    return this.resolve(this.branchRef)
  }

  /** The repository-relative path of a file in the clone. */
  relative(file: string): string {
    return path.relative(this.dir, file).split(path.sep).join('/')
  }

  async isCommitted(file: string): Promise<boolean> {
    return (await blobAt(this.clone, await this.head(), this.relative(file))) !== null
  }

  /** A file's text on the remote as this clone last fetched it; null when the remote has none. */
  async remoteText(file: string): Promise<string | null> {
    return fileAt(this.clone, this.relative(file), await this.resolve(this.trackingRef))
  }

  history(file: string, limit?: number): Promise<Revision[]> {
    return fileHistory(this.clone, this.branchRef, this.relative(file), limit)
  }

  fileAt(file: string, commit: string): Promise<string | null> {
    return fileAt(this.clone, this.relative(file), commit)
  }

  revisionInfo(commit: string): Promise<Revision | null> {
    return revisionInfo(this.clone, commit)
  }

  /** Files deleted in this folder of the clone, with absolute paths like the embedded store's. */
  async deletedFiles(dir: string): Promise<Deletion[]> {
    const found = await deletedFiles(this.clone, this.branchRef, this.relative(dir))
    return found.map((deletion) => ({ ...deletion, file: path.join(this.dir, ...deletion.file.split('/')) }))
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}
