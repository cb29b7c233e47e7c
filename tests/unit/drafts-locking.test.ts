import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LOCK_STALE_MS } from '@/lib/drafts/file-lock'
import { NoteStore, NoteStoreError, versionOf } from '@/lib/drafts/store'
import { parseNoteFile, serializeNote } from '@/lib/notes/note-file'
import type { NoteInput } from '@/lib/notes/schema'
import { removeChildBundle, startStoreChild, type StoreChild } from './fixtures/store-process'

const dirs: string[] = []
const children: StoreChild[] = []
function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'locking-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const child of children) child.process.kill('SIGKILL')
  removeChildBundle()
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' })

function gitRepo() {
  const root = tempDir()
  git(root, 'init', '-q')
  git(root, 'commit', '-q', '--allow-empty', '-m', 'start')
  return root
}

const note = (body: string): NoteInput => ({ title: 'Streams', summary: 'S', tags: [], draft: true, body })

async function child(args: string[]) {
  const started = await startStoreChild(args)
  children.push(started)
  return started
}

const bodyOnDisk = (notesDir: string, slug: string) => parseNoteFile(readFileSync(path.join(notesDir, `${slug}.mdx`), 'utf8')).body

describe('one writer per note', () => {
  it('lets exactly one of eight saves naming the same version win; the others get a conflict with its text', async () => {
    const notesDir = path.join(tempDir(), 'notes')
    const { version } = await new NoteStore(notesDir).save('streams', note('First\n'), null, { commit: false })
    // A store per request, as the routes make them.
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => new NoteStore(notesDir).save('streams', note(`Writer ${i}\n`), version, { commit: false })),
    )
    const won = results.flatMap((result, i) => (result.status === 'fulfilled' ? [{ i, ...result.value }] : []))
    expect(won).toHaveLength(1)
    expect(bodyOnDisk(notesDir, 'streams')).toBe(`Writer ${won[0].i}\n`)
    for (const result of results.filter((candidate) => candidate.status === 'rejected')) {
      const error = result.reason as NoteStoreError
      expect(error).toBeInstanceOf(NoteStoreError)
      expect(error.code).toBe('conflict')
      expect(error.current?.body).toBe(`Writer ${won[0].i}\n`)
      expect(error.current?.version).toBe(won[0].version)
    }
  })

  it('holds across processes: four child processes and four requests here, one version, one winner', async () => {
    const notesDir = path.join(tempDir(), 'notes')
    const { version } = await new NoteStore(notesDir).save('streams', note('First\n'), null, { commit: false })
    const startAt = Date.now() + 2_000
    const others = await Promise.all(Array.from({ length: 4 }, (_, i) => child(['save', notesDir, 'streams', version, `Child ${i}\n`, String(startAt), 'no-commit'])))
    await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()))
    const here = await Promise.allSettled(Array.from({ length: 4 }, (_, i) => new NoteStore(notesDir).save('streams', note(`Parent ${i}\n`), version, { commit: false })))
    await Promise.all(others.map((other) => other.exited))
    const outcomes = [
      ...others.map((other) => other.lines[0] as { ok: boolean; body: string; code?: string }),
      ...here.map((result, i) => (result.status === 'fulfilled' ? { ok: true, body: `Parent ${i}\n` } : { ok: false, body: `Parent ${i}\n`, code: (result.reason as NoteStoreError).code })),
    ]
    const won = outcomes.filter((outcome) => outcome.ok)
    expect(won).toHaveLength(1)
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.code)).toEqual(Array(7).fill('conflict'))
    expect(bodyOnDisk(notesDir, 'streams')).toBe(won[0].body)
  })
})

describe('git work, one commit at a time per repository', () => {
  it('commits five notes saved at once (three here, two in other processes), one commit each, no index.lock error', async () => {
    const root = gitRepo()
    const notesDir = path.join(root, 'content', 'notes')
    mkdirSync(notesDir, { recursive: true })
    const startAt = Date.now() + 2_000
    const others = await Promise.all(['fourth', 'fifth'].map((slug) => child(['save', notesDir, slug, 'null', `${slug}\n`, String(startAt), 'commit'])))
    await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()))
    const here = await Promise.all(['first', 'second', 'third'].map((slug) => new NoteStore(notesDir).save(slug, note(`${slug}\n`), null)))
    await Promise.all(others.map((other) => other.exited))
    expect(others.map((other) => other.lines[0])).toMatchObject([{ ok: true }, { ok: true }])
    const commits = [...here.map((saved) => saved.commit), ...others.map((other) => other.lines[0].commit)]
    expect(new Set(commits).size).toBe(5)
    expect(git(root, 'log', '--format=%s').trim().split('\n').sort()).toEqual([
      'Create note fifth',
      'Create note first',
      'Create note fourth',
      'Create note second',
      'Create note third',
      'start',
    ])
    expect(git(root, 'status', '--porcelain').trim()).toBe('')
  })

  it('removes an index.lock left by a crashed git, and waits for one a live git is holding', async () => {
    const root = gitRepo()
    const notesDir = path.join(root, 'content', 'notes')
    const store = new NoteStore(notesDir)
    const lock = path.join(root, '.git', 'index.lock')
    writeFileSync(lock, '')
    const aMinuteAgo = new Date(Date.now() - 60_000)
    utimesSync(lock, aMinuteAgo, aMinuteAgo)
    const created = await store.save('streams', note('First\n'), null)
    expect(created.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(existsSync(lock)).toBe(false)

    // A git that finishes after 300 ms: the save waits for it instead of failing.
    writeFileSync(lock, '')
    setTimeout(() => rmSync(lock), 300)
    const updated = await store.save('streams', note('Second\n'), created.version)
    expect(updated.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(git(root, 'log', '-1', '--format=%s').trim()).toBe('Update note streams')
  })

  it('keeps the temp files of interrupted writes out of a committed image folder', async () => {
    const root = gitRepo()
    const notesDir = path.join(root, 'content', 'notes')
    const images = path.join(root, 'public', 'notes', 'streams')
    mkdirSync(images, { recursive: true })
    writeFileSync(path.join(images, 'plot-0123456789.png'), 'png')
    writeFileSync(path.join(images, '.plot-0123456789.png.0123456789ab.tmp'), 'half')
    const saved = await new NoteStore(notesDir).save('streams', note('Body\n'), null, { alsoCommit: [images] })
    expect(git(root, 'show', '--name-only', '--format=', saved.commit!).trim().split('\n').sort()).toEqual([
      'content/notes/streams.mdx',
      'public/notes/streams/plot-0123456789.png',
    ])
  })
})

describe('after a crash (kill -9)', () => {
  it('leaves no temp file and no lock for good; what was acknowledged is on disk', async () => {
    const notesDir = path.join(tempDir(), 'notes')
    mkdirSync(notesDir)
    // Written without a store: this process's first store below must be the one that starts up.
    const held = serializeNote(note('Kept\n'))
    writeFileSync(path.join(notesDir, 'held.mdx'), held)
    const burst = await child(['burst', notesDir, 'streams'])
    const holder = await child(['hold', notesDir, 'held'])
    await Promise.all([burst.waitFor((line) => Number(line.ack) >= 20), holder.waitFor((line) => line.held === true)])
    burst.process.kill('SIGKILL')
    holder.process.kill('SIGKILL')
    await Promise.all([burst.exited, holder.exited])
    expect(readdirSync(path.join(notesDir, '.locks'))).toContain('held.lock')
    const lastAck = Math.max(...burst.lines.map((line) => Number(line.ack)))
    const otherTemp = path.join(notesDir, '.notebook.ipynb.0123456789ab.tmp')
    writeFileSync(otherTemp, '{')
    expect(readdirSync(notesDir).filter((name) => name.endsWith('.tmp')).length).toBeGreaterThanOrEqual(2)

    const store = new NoteStore(notesDir)
    const started = Date.now()
    await store.save('held', note('After the crash\n'), versionOf(held), { commit: false })
    expect(Date.now() - started).toBeLessThan(LOCK_STALE_MS + 3_000)
    await store.ready()

    // The temp file of a note is gone; one of a writer without a note lock waits out its grace period.
    expect(readdirSync(notesDir).filter((name) => name.endsWith('.tmp'))).toEqual([path.basename(otherTemp)])
    expect(await store.list()).toEqual(['held', 'streams'])
    expect(bodyOnDisk(notesDir, 'held')).toBe('After the crash\n')
    // The last acknowledged save, or the one after it that was being written when the process died.
    const burstBody = (await store.read('streams'))!.body
    expect([`Burst ${lastAck}\n`, `Burst ${lastAck + 1}\n`]).toContain(burstBody)
    // A lock the killed writer held without a temp file (between writes) goes stale: the next
    // writer takes it over, and afterwards no lock is left behind.
    const next = await store.save('streams', note('Next\n'), (await store.read('streams'))!.version, { commit: false })
    expect(next.version).toMatch(/^[0-9a-f]{16}$/)
    expect(readdirSync(path.join(notesDir, '.locks'))).toEqual(['.gitignore'])
  })
})
