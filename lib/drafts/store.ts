import { createHash } from 'node:crypto'
import { access, lstat, mkdir, readdir, readFile, realpath, rm } from 'node:fs/promises'
import path from 'node:path'
import { parseNoteFile, serializeNote } from '@/lib/notes/note-file'
import type { NoteInput } from '@/lib/notes/schema'
import { validateSlug } from '@/lib/notes/slug'
import { writeFileAtomic } from './atomic-write'
import { LockTimeoutError } from './file-lock'
import { commitFiles, deletedFiles, fileAt, fileHistory, gitRoot, isCommitted, revisionInfo, type Revision } from './git'
import { removeLeftoverTemps } from './leftover-temps'
import { withNoteLocks, type NoteLocks } from './note-lock'
import { RemoteAuthError, RemoteConflictError, RemoteUnavailableError } from './remote/errors'
import type { Autosaves } from './redis-autosaves'
import type { RemoteRepo } from './remote/repo'

// No 'server-only' in the store or the modules it imports: the locking tests run it in child
// processes bundled by esbuild (tests/unit/fixtures/store-child.ts), where that guard throws.

export type StoredNote = { slug: string; source: string; version: string; fields: Record<string, unknown>; body: string }

export class NoteStoreError extends Error {
  constructor(
    readonly code: 'invalid-slug' | 'not-found' | 'exists' | 'conflict' | 'unsafe-path' | 'busy' | 'unpushed' | 'remote-unreachable' | 'remote-auth',
    message: string,
    /** On a conflict: what is on disk now, so the author can compare and choose; when unpushed, what was kept. */
    readonly current?: StoredNote,
  ) {
    super(message)
  }
}

export const versionOf = (source: string) => createHash('sha256').update(source).digest('hex').slice(0, 16)

// Once per process and notes folder; on globalThis as Next may load this module more than once.
const startUps: Map<string, Promise<void>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes-admin.store-start-ups')] ??= new Map()) as Map<string, Promise<void>>

/**
 * The admin's only way to the note files: `content/notes/<slug>.mdx` is the single source of
 * truth, written atomically, guarded by the version the editor loaded, and committed to git (that
 * one path) when the folder is in a work tree. Each write holds its notes' locks from reading the
 * version to the commit, so saves of one note are linearizable across requests and processes.
 */
export type NoteStoreOptions = {
  /** How writers exclude each other: lock files beside the notes (default), or Redis for several instances. */
  locks?: NoteLocks
  /** Notes in a clone of the content remote; every commit is pushed. */
  remote?: RemoteRepo
  /** With a remote and several instances: autosaved text every instance sees (Redis). */
  autosaves?: Autosaves
}

export class NoteStore {
  private readonly locks: NoteLocks
  /** The notes are `notes/` of this content remote's clone, and every commit is pushed (README, "Content on a git remote"). */
  private readonly remote?: RemoteRepo
  private readonly autosaves?: Autosaves

  constructor(
    private readonly notesDir: string,
    options: NoteStoreOptions = {},
  ) {
    this.locks = options.locks ?? withNoteLocks
    this.remote = options.remote
    this.autosaves = options.remote && options.autosaves
  }

  /**
   * The notes folder (created if missing), resolved. Its first use in a process starts removing
   * the temp files of writes a crash interrupted, in the background: a note still locked by a
   * killed process waits until that lock goes stale.
   */
  private async root(): Promise<string> {
    // A first clone that fails (remote down, credentials refused) is answered like a failed push.
    if (this.remote) await this.remote.ready().catch((error: unknown) => Promise.reject(this.cloneRefusal(error)))
    await mkdir(this.notesDir, { recursive: true })
    const root = await realpath(this.notesDir)
    if (!startUps.has(root)) startUps.set(root, removeLeftoverTemps(root, this.locks).catch((error: Error) => console.error(`Start-up clean-up of ${root} failed: ${error.message}`)))
    return root
  }

  /** Resolves when the start-up clean-up of the notes folder is done. */
  async ready(): Promise<void> {
    await startUps.get(await this.root())
  }

  /** A validated slug's file, proven to sit inside the notes folder even through symlinks. */
  private async fileFor(slug: string): Promise<string> {
    const checked = validateSlug(slug)
    if (!checked.ok) throw new NoteStoreError('invalid-slug', checked.error)
    const root = await this.root()
    const file = path.join(root, `${checked.slug}.mdx`)
    try {
      if ((await lstat(file)).isSymbolicLink()) throw new NoteStoreError('unsafe-path', 'That note file is a link; refusing to follow it.')
    } catch (error) {
      if (error instanceof NoteStoreError) throw error
    }
    if (path.dirname(file) !== root) throw new NoteStoreError('unsafe-path', 'That slug does not name a file in the notes folder.')
    return file
  }

  async list(): Promise<string[]> {
    const names = await readdir(await this.root())
    const files = names.filter((name) => name.endsWith('.mdx')).map((name) => name.slice(0, -4))
    // Drafts autosaved through any instance and never committed are only on Redis.
    const autosaved = []
    for (const slug of (await this.autosaves?.slugs()) ?? []) if (!files.includes(slug) && validateSlug(slug).ok && (await this.read(slug))) autosaved.push(slug)
    return [...files, ...autosaved].filter((slug) => validateSlug(slug).ok).sort()
  }

  /**
   * The author's text not on the remote yet (several instances: on Redis), while it still is the
   * newest: once the remote has it, or has moved on from the version it was written over (a save
   * through another instance, a push from a laptop), the remote's text is the note again, and a
   * save from the older one is a conflict.
   */
  private async pendingText(slug: string, file: string): Promise<string | null> {
    const pending = await this.autosaves?.get(slug)
    if (!pending) return null
    const onRemote = await this.remote!.remoteText(file)
    if (onRemote === pending.source || (onRemote === null ? null : versionOf(onRemote)) !== pending.base) return null
    return pending.source
  }

  /** What a pending text is written over: the version of the note on the remote now. */
  private async pendingOver(file: string): Promise<string | null> {
    const onRemote = await this.remote!.remoteText(file)
    return onRemote === null ? null : versionOf(onRemote)
  }

  /** The notebooks (`<slug>.ipynb`) in the notes folder, with their text; notes made at build time. */
  async notebooks(): Promise<{ slug: string; file: string; text: string }[]> {
    await this.root()
    const names = (await readdir(this.notesDir)).filter((name) => name.endsWith('.ipynb') && validateSlug(name.slice(0, -6)).ok).sort()
    return Promise.all(names.map(async (name) => ({ slug: name.slice(0, -6), file: name, text: await readFile(path.join(this.notesDir, name), 'utf8') })))
  }

  /** True when the slug names a note already, or a notebook note (`<slug>.ipynb`) in the folder. */
  async taken(slug: string): Promise<boolean> {
    if (await this.read(slug)) return true
    return this.notebookExists(slug)
  }

  private async notebookExists(slug: string): Promise<boolean> {
    return access(path.join(this.notesDir, `${slug}.ipynb`)).then(
      () => true,
      () => false,
    )
  }

  async read(slug: string): Promise<StoredNote | null> {
    const file = await this.fileFor(slug)
    let source = await this.pendingText(slug, file)
    try {
      source ??= await readFile(file, 'utf8')
    } catch {
      return null
    }
    return { slug, source, version: versionOf(source), ...parseNoteFile(source) }
  }

  /** The note for the editor: with a content remote, as it is there now (when it can be reached). */
  async open(slug: string): Promise<StoredNote | null> {
    await this.refresh()
    return this.read(slug)
  }

  /** With a content remote: pushes what is queued and pulls (a remote that is down is no error here). */
  async refresh(): Promise<void> {
    if (this.remote) await this.remote.exclusive(() => this.pull())
  }

  /** With a content remote: whether the remote moved or commits wait here to be pushed (false without one). */
  async remoteOutOfStep(): Promise<boolean> {
    return this.remote ? this.remote.outOfStep() : false
  }

  /** With a content remote: whether commits made here wait to be pushed (false without one). */
  async remoteHasUnpushed(): Promise<boolean> {
    return this.remote ? this.remote.hasUnpushed() : false
  }

  /** With a content remote: the commit this clone is at, which names the version of its notes. */
  async remoteHead(): Promise<string | null> {
    return this.remote ? (await this.root(), this.remote.head()) : null
  }

  /**
   * With a content remote: `write` puts files of this note (its images) into the clone, then
   * they are committed and pushed, as the only writer of the note.
   */
  async writeAndPush<T>(slug: string, message: string, write: () => Promise<{ files: string[]; result: T }>): Promise<T & { commit: string | null }> {
    if (!this.remote) throw new Error('Only a store on a content remote commits files on their own.')
    await this.fileFor(slug)
    return this.locked([slug], () =>
      this.pushing([slug], async () => {
        const { files, result } = await write()
        return { ...result, commit: await this.pushed(slug, files, message) }
      }),
    )
  }

  /** The note as it is now, or a refusal when it is not at the version the editor loaded. */
  private async expect(slug: string, expectedVersion: string | null, retried?: string): Promise<StoredNote | null> {
    const current = await this.read(slug)
    // With a remote, a save answered "not pushed" is kept here: sending the same text again is no conflict.
    if (retried !== undefined && current?.source === retried) return current
    if (expectedVersion === null && current) {
      throw new NoteStoreError('exists', `A note with the slug "${slug}" already exists.`, current)
    }
    if (expectedVersion === null && (await this.notebookExists(slug))) {
      throw new NoteStoreError('exists', `The notebook ${slug}.ipynb already has the slug "${slug}".`)
    }
    if (expectedVersion !== null && current?.version !== expectedVersion) {
      throw new NoteStoreError(
        current ? 'conflict' : 'not-found',
        current ? 'This note changed since you opened it.' : 'This note no longer exists.',
        current ?? undefined,
      )
    }
    return current
  }

  /**
   * Creates (expectedVersion null) or replaces a note. Refused with a conflict when the file
   * changed since the editor loaded `expectedVersion` (another tab, an edit on disk). Autosaves
   * pass `commit: false`; explicit saves, publishing and restores are commits.
   */
  async save(slug: string, note: NoteInput, expectedVersion: string | null, options: SaveOptions = {}) {
    const file = await this.fileFor(slug)
    if (this.remote) return this.saveToRemote(slug, file, note, expectedVersion, options)
    return this.locked([slug], async () => {
      await this.expect(slug, expectedVersion)
      const source = serializeNote(note)
      await writeFileAtomic(file, source)
      if (options.commit === false) return { version: versionOf(source), commit: null }
      const root = await gitRoot(this.notesDir)
      // Autosaves are not commits, so the first commit of a note may come after several saves.
      const message = options.message ?? `${root && (await isCommitted(root, file)) ? 'Update' : 'Create'} note ${slug}`
      return { version: versionOf(source), commit: root ? await commitFiles(root, [file, ...(await inRepository(root, options.alsoCommit))], message) : null }
    })
  }

  /** Commits the note as it is on disk (written by a save without commit), with other files. */
  async commitNote(slug: string, message: string, alsoCommit: string[] = []): Promise<string | null> {
    const file = await this.fileFor(slug)
    if (this.remote) {
      return this.locked([slug], () =>
        this.pushing([slug], async () => {
          // The text may have been autosaved through another instance.
          const current = await this.read(slug)
          if (current) await writeFileAtomic(file, current.source)
          return current ? this.pushedShared(slug, current.source, [file, ...alsoCommit], message) : this.pushed(slug, [file, ...alsoCommit], message)
        }),
      )
    }
    return this.locked([slug], async () => {
      const root = await gitRoot(this.notesDir)
      return root ? commitFiles(root, [file, ...(await inRepository(root, alsoCommit))], message) : null
    })
  }

  /** Moves a note to a new slug (a draft whose title changed), as one commit of both paths. */
  async rename(from: string, to: string, note: NoteInput, expectedVersion: string, options: SaveOptions = {}) {
    const oldFile = await this.fileFor(from)
    const newFile = await this.fileFor(to)
    return this.locked([from, to], () => this.pushing([from, to], async () => {
      await this.expect(from, expectedVersion)
      await this.expect(to, null)
      const source = serializeNote(note)
      await writeFileAtomic(newFile, source)
      await rm(oldFile, { force: true })
      // On a remote a rename is always pushed, autosave or not: other instances (and the remote)
      // must lose the old file too, and no later save commits its removal.
      if (this.remote) {
        await this.autosaves?.clear(from)
        return { version: versionOf(source), commit: await this.pushedShared(to, source, [oldFile, newFile, ...(options.alsoCommit ?? [])], options.message ?? `Rename note ${from} to ${to}`) }
      }
      const commit = options.commit === false ? null : await this.commit([oldFile, newFile], options.message ?? `Rename note ${from} to ${to}`)
      return { version: versionOf(source), commit }
    }))
  }

  async delete(slug: string, expectedVersion: string) {
    const file = await this.fileFor(slug)
    return this.locked([slug], () => this.pushing([slug], async () => {
      const current = await this.read(slug)
      if (!current) throw new NoteStoreError('not-found', 'This note no longer exists.')
      if (current.version !== expectedVersion) throw new NoteStoreError('conflict', 'This note changed since you opened it.', current)
      await rm(file, { force: true })
      await this.autosaves?.clear(slug)
      return { commit: this.remote ? await this.pushed(slug, [file], `Delete note ${slug}`) : await this.commit([file], `Delete note ${slug}`) }
    }))
  }

  /** Notes deleted in git history and not back on disk, so the admin can bring them back. */
  async deleted(): Promise<{ slug: string; commit: string; date: string; restoreFrom?: string }[]> {
    if (this.remote) return this.deletedOnRemote()
    const root = await gitRoot(this.notesDir)
    if (!root) return []
    const notesDir = await realpath(this.notesDir)
    const result = []
    for (const deletion of await deletedFiles(root, notesDir)) {
      if (path.dirname(deletion.file) !== notesDir || !deletion.file.endsWith('.mdx')) continue
      const slug = path.basename(deletion.file, '.mdx')
      if (!validateSlug(slug).ok || (await exists(deletion.file))) continue
      // The revision before the deletion: the note's last text.
      const [, lastKept] = await fileHistory(root, deletion.file, 2)
      result.push({ slug, commit: deletion.commit, date: deletion.date, restoreFrom: lastKept?.commit })
    }
    return result
  }

  /** Whether saves are recorded as git commits (the notes folder is in a work tree). */
  async hasHistory(): Promise<boolean> {
    if (this.remote) return true
    await mkdir(this.notesDir, { recursive: true })
    return (await gitRoot(this.notesDir)) !== null
  }

  async history(slug: string): Promise<Revision[] | null> {
    const file = await this.fileFor(slug)
    if (this.remote) return this.remote.history(file)
    const root = await gitRoot(this.notesDir)
    return root ? fileHistory(root, file) : null
  }

  async sourceAt(slug: string, commit: string): Promise<string | null> {
    const file = await this.fileFor(slug)
    if (this.remote) return this.remote.fileAt(file, commit)
    const root = await gitRoot(this.notesDir)
    return root ? fileAt(root, file, commit) : null
  }

  /** A commit of the notes' repository (its date and subject), or null. */
  async revision(commit: string): Promise<Revision | null> {
    if (this.remote) {
      await this.root()
      return this.remote.revisionInfo(commit)
    }
    const root = await gitRoot(this.notesDir)
    return root ? revisionInfo(root, commit) : null
  }

  /**
   * Remote mode: a save, checked against the note as it is on the remote now (pulled first; when
   * the remote is down, as this clone last saw it), committed and pushed when explicit.
   */
  private async saveToRemote(slug: string, file: string, note: NoteInput, expectedVersion: string | null, options: SaveOptions) {
    const source = serializeNote(note)
    return this.locked([slug], () =>
      this.pushing([slug], async () => {
        await this.expect(slug, expectedVersion, source)
        if (options.commit === false && this.autosaves) {
          // Not in this clone: every instance must see the same text.
          await this.autosaves.put(slug, { source, base: await this.pendingOver(file) })
          return { version: versionOf(source), commit: null }
        }
        await writeFileAtomic(file, source)
        if (options.commit === false) return { version: versionOf(source), commit: null }
        const message = options.message ?? `${(await this.remote!.isCommitted(file)) ? 'Update' : 'Create'} note ${slug}`
        return { version: versionOf(source), commit: await this.pushedShared(slug, source, [file, ...(options.alsoCommit ?? [])], message) }
      }),
    )
  }

  /** Runs a write with the clone to itself (no-op wrapper without a remote), after pulling. */
  private async pushing<T>(slugs: string[], write: () => Promise<T>): Promise<T> {
    if (!this.remote) return write()
    return this.remote.exclusive(async () => {
      await this.pull(slugs[0])
      return write()
    })
  }

  /** Fetches, pushes what is queued and fast-forwards (clone held); a remote that is down is no refusal here. */
  private async pull(slug?: string): Promise<void> {
    try {
      await this.remote!.integrate()
    } catch (error) {
      if (error instanceof RemoteUnavailableError) return
      throw await this.remoteRefusal(error, slug)
    }
  }

  /**
   * Commits and pushes a note's text (clone held). Until it is on the remote, the text stays where
   * every instance sees it (an autosave on Redis); once there, that copy goes.
   */
  private async pushedShared(slug: string, source: string, files: string[], message: string): Promise<string | null> {
    const over = this.autosaves && (await this.pendingOver(await this.fileFor(slug)))
    try {
      const commit = await this.pushed(slug, files, message)
      await this.autosaves?.clear(slug)
      return commit
    } catch (error) {
      if (error instanceof NoteStoreError && error.code === 'unpushed') await this.autosaves?.put(slug, { source, base: over ?? null })
      throw error
    }
  }

  /** Commits these files (clone held) and pushes: the commit's id once it is on the remote. */
  private async pushed(slug: string, files: string[], message: string): Promise<string | null> {
    const commit = await this.remote!.commitLocal(files, message)
    try {
      await this.remote!.integrate(commit ?? undefined)
    } catch (error) {
      throw await this.remoteRefusal(error, slug)
    }
    // Replayed on another instance's commits, ours is the head under a new id.
    return commit && this.remote!.head()
  }

  private cloneRefusal(error: unknown): unknown {
    if (error instanceof RemoteUnavailableError) return new NoteStoreError('remote-unreachable', 'The content remote cannot be reached, and this server has no copy of the notes yet; try again when it is back.')
    if (error instanceof RemoteAuthError) return new NoteStoreError('remote-auth', error.message)
    return error
  }

  private async remoteRefusal(error: unknown, slug?: string): Promise<unknown> {
    const current = slug ? ((await this.read(slug)) ?? undefined) : undefined
    if (error instanceof RemoteConflictError) {
      return current
        ? new NoteStoreError('conflict', 'This note changed on another server since you opened it.', current)
        : new NoteStoreError('not-found', 'This note was deleted on another server.')
    }
    if (error instanceof RemoteUnavailableError) {
      return new NoteStoreError('unpushed', 'Saved on this server only: the content remote cannot be reached. Your change is kept and pushed when it is back; until then keep this page open.', current)
    }
    if (error instanceof RemoteAuthError) return new NoteStoreError('remote-auth', error.message)
    return error
  }

  private async deletedOnRemote() {
    const remote = this.remote!
    await this.root()
    const result = []
    for (const deletion of await remote.deletedFiles(this.notesDir)) {
      if (!deletion.file.endsWith('.mdx')) continue
      const slug = path.basename(deletion.file, '.mdx')
      if (!validateSlug(slug).ok || (await exists(deletion.file))) continue
      const [, lastKept] = await remote.history(deletion.file, 2)
      result.push({ slug, commit: deletion.commit, date: deletion.date, restoreFrom: lastKept?.commit })
    }
    return result
  }

  /** Runs a write as the only writer of these notes; a lock held too long is a 'busy' refusal. */
  private async locked<T>(slugs: string[], write: () => Promise<T>): Promise<T> {
    try {
      return await this.locks(await this.root(), slugs, write)
    } catch (error) {
      if (error instanceof LockTimeoutError) throw new NoteStoreError('busy', 'Another save of this note is taking too long; try again in a moment.')
      throw error
    }
  }

  private async commit(files: string[], message: string): Promise<string | null> {
    const root = await gitRoot(this.notesDir)
    return root ? commitFiles(root, files, message) : null
  }
}

/**
 * `alsoCommit`: other files or folders that belong in the same commit (the note's images); those
 * missing or outside the content's git repository are left out.
 */
export type SaveOptions = { commit?: boolean; message?: string; alsoCommit?: string[] }

/** The paths that exist and sit inside the repository at `root`. */
async function inRepository(root: string, paths: string[] = []): Promise<string[]> {
  const found: string[] = []
  for (const candidate of paths) {
    const relative = path.relative(root, candidate)
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue
    if (await access(candidate).then(() => true, () => false)) found.push(candidate)
  }
  return found
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file)
    return true
  } catch {
    return false
  }
}
