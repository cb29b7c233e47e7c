import 'server-only'
import { fork, type ChildProcess } from 'node:child_process'
import { lstat, mkdir, readdir, readFile, readlink, rm, symlink } from 'node:fs/promises'
import path from 'node:path'
import { currentBuildId, LIVE_POINTER, liveDirFor, readLivePointer, type LivePointer } from '@/lib/content/live-pointer'
import { writeFileAtomic } from '@/lib/drafts/atomic-write'

export type RefreshResult = { ok: true; version: string; ms: number } | { ok: false; error: string; ms: number }

export type RefreshOptions = {
  /** The project folder (contentlayer.config.ts, lib/, node_modules/, public/). */
  projectDir: string
  /** The content folder, absolute or relative to the project. */
  contentDir: string
  /** Where the notes are when not in `<contentDir>/notes`: a content remote's clone. */
  notesDir?: string
  /** Where the note images are when not in `public/notes`: the clone's (the build reads their sizes). */
  imagesDir?: string
  /** Marks the public pages stale once the new content is in place. */
  revalidate: () => void | Promise<void>
  /** Where snapshots and the workspace live; the content folder's under `.contentlayer/live` by default. */
  liveDir?: string
  buildId?: string
}

const TYPES = ['Note', 'Problem', 'Profile', 'Cv'] as const
const TIME_LIMIT_MS = 120_000
const ANSI = /\u001b\[[0-9;]*m/g
const BUILDER_GONE = 'The content builder stopped before it finished.'

/**
 * A folder of its own where Contentlayer runs on the live content: its cache makes a refresh
 * incremental, and a failed run leaves what readers see untouched.
 */
async function prepareWorkspace(work: string, { projectDir, contentDir, notesDir }: RefreshOptions) {
  await mkdir(work, { recursive: true })
  const links: [string, string][] = [
    ['contentlayer.config.ts', path.join(projectDir, 'contentlayer.config.ts')],
    ['lib', path.join(projectDir, 'lib')],
    ['node_modules', path.join(projectDir, 'node_modules')],
    ['public', path.join(projectDir, 'public')],
  ]
  for (const [name, target] of links) await linkTo(path.join(/* turbopackIgnore: true */ work, name), target)
  const content = path.resolve(projectDir, contentDir)
  if (notesDir) await assembleContent(path.join(/* turbopackIgnore: true */ work, 'content'), content, notesDir)
  else await linkTo(path.join(/* turbopackIgnore: true */ work, 'content'), content)
}

/** Makes `link` a symbolic link to `target`, replacing whatever is there. */
async function linkTo(link: string, target: string) {
  if ((await readlink(link).catch(() => null)) === target) return
  await rm(link, { recursive: true, force: true })
  await symlink(target, link)
}

// Written by the notebook conversion into the content folder it builds (lib/notebooks/build.ts).
const GENERATED = '_generated'

/**
 * A content folder whose notes are elsewhere (a content remote's clone) and whose profile, problems
 * and macros are the site's own.
 */
async function assembleContent(folder: string, contentDir: string, notesDir: string) {
  if ((await lstat(folder).catch(() => null))?.isSymbolicLink()) await rm(folder)
  await mkdir(folder, { recursive: true })
  const wanted = new Map([['notes', notesDir]])
  for (const name of await readdir(contentDir)) {
    if (name !== 'notes' && name !== GENERATED && !name.startsWith('.')) wanted.set(name, path.join(/* turbopackIgnore: true */ contentDir, name))
  }
  for (const name of await readdir(folder)) {
    if (!wanted.has(name) && name !== GENERATED) await rm(path.join(/* turbopackIgnore: true */ folder, name), { recursive: true, force: true })
  }
  for (const [name, target] of wanted) await linkTo(path.join(/* turbopackIgnore: true */ folder, name), target)
}

type BuildReply = { id: number; ok: boolean; output: string }

// One builder and one queue per server process, whichever route bundle asks (each may load its own
// copy of this module).
type RefreshState = { builder: { child: ChildProcess; work: string } | null; nextBuildId: number; tail: Promise<unknown>; waiting: Promise<RefreshResult> | null }
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes.live-refresh')] ??= {
  builder: null,
  nextBuildId: 1,
  tail: Promise.resolve(),
  waiting: null,
}) as RefreshState

/** Stops the warm builder (it also stops by itself when idle). */
export function stopContentBuilder() {
  state.builder?.child.kill()
  state.builder = null
}

/** The warm builder (content-builder.mjs) for this workspace, started on first use. */
function warmBuilder(projectDir: string, work: string, imagesDir?: string): ChildProcess {
  const running = state.builder
  if (running?.work === work && running.child.exitCode === null && !running.child.killed) return running.child
  stopContentBuilder()
  const script = path.join(/* turbopackIgnore: true */ projectDir, 'lib/publishing/content-builder.mjs')
  // Contentlayer takes its working folder from $PWD before process.cwd(). Without NODE_ENV (Node
  // leaves out a variable set to undefined) it compiles as `npm run build` does, not as "production".
  const env = { ...process.env, PWD: work, CONTENT_DIR: 'content', NOTE_IMAGES_DIR: imagesDir, NODE_ENV: undefined } as unknown as NodeJS.ProcessEnv
  const child = fork(/* turbopackIgnore: true */ script, [], { cwd: work, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
  child.stderr?.resume()
  child.unref()
  child.channel?.unref()
  const forget = () => {
    if (state.builder?.child === child) state.builder = null
  }
  child.on('exit', forget)
  // A failed start or a closed channel ends the builds waiting on it (their 'exit' or timeout).
  child.on('error', (error) => {
    console.error(`The content builder failed: ${error.message}`)
    forget()
    child.kill()
  })
  state.builder = { child, work }
  return child
}

/** Runs Contentlayer once in the workspace; a build over the time limit stops the builder. */
function runContentlayer(projectDir: string, work: string, imagesDir?: string): Promise<{ ok: boolean; output: string }> {
  const child = warmBuilder(projectDir, work, imagesDir)
  const id = state.nextBuildId++
  return new Promise((resolve) => {
    const done = (result: { ok: boolean; output: string }) => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(result)
    }
    const onMessage = (reply: BuildReply) => reply.id === id && done({ ok: reply.ok, output: reply.output.replace(ANSI, '') })
    const onExit = () => done({ ok: false, output: BUILDER_GONE })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      done({ ok: false, output: `Building the content took longer than ${TIME_LIMIT_MS / 1000} s and was stopped.` })
    }, TIME_LIMIT_MS)
    child.on('message', onMessage)
    child.on('exit', onExit)
    if (!child.connected) return onExit()
    child.send({ id }, (error) => error && done({ ok: false, output: `The content builder could not be reached: ${error.message}` }))
  })
}

/** What the author needs from a failed build: Contentlayer's and the checks' own words, without its noise. */
function failureSummary(output: string): string {
  const lines = output.split('\n').map((line) => line.trimEnd())
  const end = lines.findIndex((line) => /^SourceFetchDataError|^\s+at /.test(line))
  return (end === -1 ? lines : lines.slice(0, end))
    .filter((line) => line.trim() && !line.startsWith('successCallback '))
    .slice(0, 40)
    .join('\n')
}

/**
 * Copies the generated indexes into a new snapshot folder, flushed to disk, then points readers at
 * it with one atomic rename: a reader sees the old snapshot or the new one, whole.
 */
async function publishSnapshot(live: string, work: string, buildId: string): Promise<string> {
  const dir = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  for (const type of TYPES) {
    await mkdir(path.join(live, dir, type), { recursive: true })
    await writeFileAtomic(path.join(live, dir, type, '_index.json'), await readFile(path.join(work, '.contentlayer/generated', type, '_index.json')))
  }
  const pointer: LivePointer = { dir, buildId }
  await writeFileAtomic(path.join(live, LIVE_POINTER), JSON.stringify(pointer))
  return dir
}

/** Snapshots no pointer names any more (the one named now is read again, in case it changed). */
async function removeOldSnapshots(live: string, keep: string[]) {
  const current = readLivePointer(live)?.dir
  for (const name of await readdir(live)) {
    if (name === 'work' || name === LIVE_POINTER || name.startsWith('.') || name === current || keep.includes(name)) continue
    await rm(path.join(live, name), { recursive: true, force: true })
  }
}

/**
 * Rebuilds the published content with Contentlayer (the one compiler of notes) and, only when that
 * succeeds, switches readers to it and marks the public pages stale. A failure changes nothing
 * public and says what failed, naming files and lines.
 */
export async function refreshContent(options: RefreshOptions): Promise<RefreshResult> {
  const started = performance.now()
  const live = options.liveDir ?? liveDirFor(options.projectDir, options.contentDir)
  const work = path.join(live, 'work')
  await prepareWorkspace(work, options)
  let built = await runContentlayer(options.projectDir, work, options.imagesDir)
  // The builder had just stopped (idle): once more, with a new one.
  if (!built.ok && built.output === BUILDER_GONE) built = await runContentlayer(options.projectDir, work, options.imagesDir)
  const ms = () => Math.round(performance.now() - started)
  if (!built.ok) return { ok: false, error: failureSummary(built.output), ms: ms() }
  const previous = readLivePointer(live)?.dir
  const version = await publishSnapshot(live, work, options.buildId ?? currentBuildId())
  await options.revalidate()
  await removeOldSnapshots(live, [version, ...(previous ? [previous] : [])])
  return { ok: true, version, ms: ms() }
}


/**
 * One refresh at a time. A change made while one runs is picked up by the next, which every
 * change arriving before it starts shares: a burst of publishes costs two builds, not one each.
 */
export function requestRefresh(options: RefreshOptions): Promise<RefreshResult> {
  if (state.waiting) return state.waiting
  const next = state.tail.then(() => {
    state.waiting = null
    return refreshContent(options)
  })
  state.waiting = next
  state.tail = next.catch(() => undefined)
  return next
}
