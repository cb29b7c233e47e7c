import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { saveImageIn } from '@/lib/drafts/images'
import { saveNote, setPublished } from '@/lib/drafts/service'
import { readSiteNoteImage, uploadNoteImage } from '@/lib/drafts/site-images'
import { resetSettings } from '@/lib/settings'
import { RemoteRepo } from '@/lib/drafts/remote/repo'
import { NoteStore, NoteStoreError, versionOf } from '@/lib/drafts/store'
import { serializeNote } from '@/lib/notes/note-file'
import type { NoteInput } from '@/lib/notes/schema'
import { redisAutosaves } from '@/lib/drafts/redis-autosaves'
import { RedisConnection } from '@/lib/redis/connect.mjs'
import { startGitServer, type GitServer } from '../../scripts/lib/git-server.mjs'
import { startRedisServer, type RedisServer } from '../../scripts/lib/redis-server.mjs'

// Against a real git server: git http-backend behind basic auth on a loopback port.

type Server = GitServer

const note = (overrides: Partial<NoteInput> = {}): NoteInput => ({ title: 'Streams', summary: 'CUDA streams', tags: ['CUDA'], draft: true, body: 'Hello\n', ...overrides })
const HELLO = serializeNote(note({ title: 'Hello' }))
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex')

let server: Server
const dirs: string[] = []

beforeAll(async () => {
  server = await startGitServer({ files: { 'notes/hello.mdx': HELLO, 'README.md': 'content\n' } })
})
afterAll(async () => {
  await server.close()
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

/** One instance: its own clone of the server's repository. */
function instance(token = server.token) {
  const root = mkdtempSync(path.join(tmpdir(), 'content-remote-'))
  dirs.push(root)
  const workDir = path.join(root, 'clone')
  const repo = new RemoteRepo({ url: server.url, branch: 'main', workDir, credentials: () => ({ username: server.user, password: token }) })
  return { store: new NoteStore(path.join(workDir, 'notes'), { remote: repo }), workDir }
}

const remoteLog = () => server.git('log', '--format=%s', 'main').trim().split('\n')
const remoteFile = (file: string) => server.git('show', `main:${file}`)

async function refusal(promise: Promise<unknown>): Promise<NoteStoreError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(NoteStoreError)
  return error as NoteStoreError
}

describe('content on a git remote', () => {
  it('pushes every explicit save as a commit; autosaves stay in the clone', async () => {
    const { store } = instance()
    expect((await store.open('hello'))?.source).toBe(HELLO)
    const saved = await store.save('first', note({ title: 'First' }), null)
    expect(remoteLog()[0]).toBe('Create note first')
    expect(saved.commit).toBe(server.git('rev-parse', 'main').trim())
    const autosaved = await store.save('first', note({ title: 'First', body: 'more\n' }), saved.version, { commit: false })
    expect(autosaved.commit).toBeNull()
    expect(remoteLog()[0]).toBe('Create note first')
    await store.save('first', note({ title: 'First', body: 'more\n' }), autosaved.version)
    expect(remoteLog()[0]).toBe('Update note first')
    expect(remoteFile('notes/first.mdx')).toContain('more')
  })

  it('two instances saving other notes both reach the remote, one after the other (no force push)', async () => {
    const a = instance()
    const b = instance()
    await a.store.ready()
    await b.store.ready()
    await a.store.save('from-a', note({ title: 'From A' }), null)
    // B's clone is behind now: its save pulls A's commit first and goes on top of it.
    await b.store.save('from-b', note({ title: 'From B' }), null)
    expect(remoteLog().slice(0, 2)).toEqual(['Create note from-b', 'Create note from-a'])
    expect(existsSync(path.join(b.workDir, 'notes', 'from-a.mdx'))).toBe(true)
    // Saves racing each other: rejected pushes are fetched and replayed, none is lost.
    const pairs = [0, 1, 2].map((round) => [a.store.save(`race-a-${round}`, note({ title: `A ${round}` }), null), b.store.save(`race-b-${round}`, note({ title: `B ${round}` }), null)])
    await Promise.all(pairs.flat())
    const files = server.git('ls-tree', '--name-only', 'main', 'notes/')
    for (const round of [0, 1, 2]) {
      expect(files).toContain(`notes/race-a-${round}.mdx`)
      expect(files).toContain(`notes/race-b-${round}.mdx`)
    }
    expect(server.git('rev-list', '--merges', 'main').trim()).toBe('')
  })

  it('a save of the same note from the same version is a conflict with the text on the remote', async () => {
    const a = instance()
    const b = instance()
    const opened = (await a.store.open('hello'))!
    expect((await b.store.open('hello'))!.version).toBe(opened.version)
    await a.store.save('hello', note({ title: 'Hello', body: 'A wrote this\n' }), opened.version)
    const error = await refusal(b.store.save('hello', note({ title: 'Hello', body: 'B wrote this\n' }), opened.version))
    expect(error.code).toBe('conflict')
    expect(error.current?.body).toBe('A wrote this\n')
    expect(remoteFile('notes/hello.mdx')).toContain('A wrote this')
    // At the same moment: one wins, the other is told, nothing is overwritten.
    const now = (await a.store.open('hello'))!.version
    await b.store.open('hello')
    const results = await Promise.allSettled([
      a.store.save('hello', note({ title: 'Hello', body: 'A again\n' }), now),
      b.store.save('hello', note({ title: 'Hello', body: 'B again\n' }), now),
    ])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const lost = results.find((result) => result.status === 'rejected') as PromiseRejectedResult
    expect((lost.reason as NoteStoreError).code).toBe('conflict')
    const winner = results[0].status === 'fulfilled' ? 'A again' : 'B again'
    expect(remoteFile('notes/hello.mdx')).toContain(winner)
  })

  it('with the remote down, a save is refused as not pushed, kept, and pushed once it is back (rebased)', async () => {
    const a = instance()
    const b = instance()
    await a.store.ready()
    await b.store.ready()
    await server.stop()
    let error: NoteStoreError
    try {
      error = await refusal(b.store.save('offline', note({ title: 'Offline' }), null))
    } finally {
      await server.start()
    }
    expect(error.code).toBe('unpushed')
    expect(error.message).toMatch(/cannot be reached/)
    expect(error.current?.version).toBe(versionOf(serializeNote(note({ title: 'Offline' }))))
    expect(remoteLog()).not.toContain('Create note offline')
    // Meanwhile A moved the branch; B's queued commit goes on top of it at B's next request.
    await a.store.save('online', note({ title: 'Online' }), null)
    await b.store.refresh()
    expect(remoteLog().slice(0, 2)).toEqual(['Create note offline', 'Create note online'])
    // The author's retry of the same text (from the version they had) is no conflict.
    const retried = await b.store.save('offline', note({ title: 'Offline' }), null)
    expect(retried.version).toBe(error.current?.version)
  })

  it('tells whether the remote moved or commits wait here, without fetching', async () => {
    const a = instance()
    const b = instance()
    await a.store.ready()
    await b.store.ready()
    expect(await b.store.remoteOutOfStep()).toBe(false)
    await a.store.save('moved', note({ title: 'Moved' }), null)
    expect(await b.store.remoteOutOfStep()).toBe(true)
    await b.store.refresh()
    expect(await b.store.remoteOutOfStep()).toBe(false)
    expect(await b.store.remoteHead()).toBe(await a.store.remoteHead())
    // A commit queued while the remote was down is out of step too, until it is pushed.
    await server.stop()
    try {
      await refusal(b.store.save('queued', note({ title: 'Queued' }), null))
      await expect(b.store.remoteOutOfStep()).rejects.toThrow(/cannot be reached|unreachable|ECONNREFUSED/)
    } finally {
      await server.start()
    }
    expect(await b.store.remoteOutOfStep()).toBe(true)
    await b.store.refresh()
    expect(await b.store.remoteOutOfStep()).toBe(false)
    expect(remoteLog()[0]).toBe('Create note queued')
  })

  it('a wrong token is a clear refusal that never shows the token', async () => {
    const { store } = instance('wrong-token-123')
    const error = await refusal(store.list())
    expect(error.code).toBe('remote-auth')
    expect(error.message).toMatch(/CONTENT_GIT_TOKEN/)
    expect(error.message).not.toContain('wrong-token-123')
  })

  it('commits an image beside the note; another instance has it after its pull', async () => {
    const a = instance()
    const b = instance()
    await b.store.ready()
    const saved = await a.store.writeAndPush('hello', 'Add image to note hello', async () => {
      const image = await saveImageIn(path.join(a.workDir, 'images'), 'hello', 'plot.png', PNG)
      return { files: [image.file], result: { url: image.url } }
    })
    const name = path.basename(saved.url)
    expect(saved.url).toBe(`/notes/hello/${name}`)
    expect(remoteLog()[0]).toBe('Add image to note hello')
    expect(server.git('ls-tree', '--name-only', 'main', 'images/hello/')).toContain(`images/hello/${name}`)
    await b.store.refresh()
    expect(readFileSync(path.join(b.workDir, 'images', 'hello', name))).toEqual(PNG)
  })

  it('keeps the history: revisions, a revision’s text, deleted notes', async () => {
    const { store } = instance()
    const first = await store.save('kept', note({ title: 'Kept', body: 'one\n' }), null)
    const second = await store.save('kept', note({ title: 'Kept', body: 'two\n' }), first.version)
    const history = (await store.history('kept'))!
    expect(history.map((revision) => revision.message)).toEqual(['Update note kept', 'Create note kept'])
    expect(await store.sourceAt('kept', history[1].commit)).toContain('one')
    expect((await store.revision(history[0].commit.slice(0, 10)))?.commit).toBe(history[0].commit)
    expect(await store.hasHistory()).toBe(true)
    await store.delete('kept', second.version)
    expect(remoteLog()[0]).toBe('Delete note kept')
    const deleted = (await store.deleted()).find((entry) => entry.slug === 'kept')
    expect(deleted?.restoreFrom).toBe(history[0].commit)
  })
})

describe('restoring on a content remote', () => {
  it('looks for a note’s images in the clone, not in public/', async () => {
    const { missingImages } = await import('@/lib/drafts/missing-images')
    const { workDir, store } = instance()
    await store.ready()
    const image = await saveImageIn(path.join(workDir, 'images'), 'hello', 'plot.png', PNG)
    const body = `![a](${image.url})\n\n![b](/notes/hello/gone-0123456789ab.png)\n`
    expect(await missingImages(body, path.join(workDir, 'no-public'), path.join(workDir, 'images'))).toEqual(['/notes/hello/gone-0123456789ab.png'])
  })
})

describe('the admin service with CONTENT_GIT_REMOTE set', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    resetSettings()
  })

  const useClone = (name: string) => {
    const root = mkdtempSync(path.join(tmpdir(), 'content-remote-env-'))
    dirs.push(root)
    vi.stubEnv('CONTENT_GIT_REMOTE', server.url)
    vi.stubEnv('CONTENT_GIT_USERNAME', server.user)
    vi.stubEnv('CONTENT_GIT_TOKEN', server.token)
    vi.stubEnv('CONTENT_WORK_DIR', path.join(root, name))
    resetSettings()
  }

  it('uploads, saves and publishes as pushed commits; another instance serves the image', async () => {
    useClone('a')
    const { url } = await uploadNoteImage('svc', 'plot.png', PNG)
    expect(remoteLog()[0]).toBe('Add image to note svc')
    const saved = await saveNote('svc', { version: null, note: { title: 'Service', summary: 'S', tags: [], body: `![plot](${url})\n` } })
    expect(remoteLog()[0]).toBe('Create note svc')
    const published = await setPublished('svc', { version: saved.version }, true)
    expect(published.draft).toBe(false)
    expect(remoteLog()[0]).toBe('Publish note svc')
    expect(remoteFile('notes/svc.mdx')).toContain('draft: false')
    useClone('b')
    expect((await readSiteNoteImage('svc', path.basename(url)))?.bytes).toEqual(PNG)
  })
})

describe('several instances on one remote and one Redis', () => {
  let redis: RedisServer
  const connections: RedisConnection[] = []
  beforeAll(async () => {
    redis = await startRedisServer()
  })
  afterAll(async () => {
    connections.forEach((connection) => connection.close())
    await redis.stop()
  })

  /** An instance as store-instance.ts makes it with REDIS_URL and CONTENT_GIT_REMOTE set. */
  function sharing(prefix: string) {
    const root = mkdtempSync(path.join(tmpdir(), 'content-remote-'))
    dirs.push(root)
    const workDir = path.join(root, 'clone')
    const connection = new RedisConnection({ url: redis.url, prefix })
    connections.push(connection)
    const repo = new RemoteRepo({ url: server.url, branch: 'main', workDir, credentials: () => ({ username: server.user, password: server.token }) })
    return new NoteStore(path.join(workDir, 'notes'), { remote: repo, autosaves: redisAutosaves(connection) })
  }

  it('an autosave through A is what B reads and saves from: no false conflict, a new draft is found', async () => {
    const prefix = `autosaves-${Date.now()}:`
    const [a, b] = [sharing(prefix), sharing(prefix)]
    const first = await a.save('roaming', note({ title: 'Roaming', body: 'One.\n' }), null, { commit: false })
    expect(await b.list()).toContain('roaming')
    expect((await b.read('roaming'))?.version).toBe(first.version)
    const second = await b.save('roaming', note({ title: 'Roaming', body: 'One.\nTwo.\n' }), first.version, { commit: false })
    const third = await a.save('roaming', note({ title: 'Roaming', body: 'One.\nTwo.\nThree.\n' }), second.version)
    expect(third.commit).not.toBeNull()
    expect(remoteFile('notes/roaming.mdx')).toContain('Three.')
    // Committed: the shared copy is gone and B reads the remote's text after its pull.
    expect(await redisAutosaves(connections.at(-1)!).get('roaming')).toBeNull()
    await b.refresh()
    expect((await b.read('roaming'))?.version).toBe(third.version)
    // A stale autosave from B (the version before A's save) is still a conflict.
    const stale = await refusal(b.save('roaming', note({ title: 'Roaming', body: 'Stale.\n' }), second.version, { commit: false }))
    expect(stale.code).toBe('conflict')
  })

  it('an autosave is kept on Redis only, never in one instance\'s clone', async () => {
    const prefix = `clone-${Date.now()}:`
    const a = sharing(prefix)
    const aNotes = path.join(dirs.at(-1)!, 'clone', 'notes')
    const b = sharing(prefix)
    await a.save('only-on-redis', note({ title: 'Only on Redis' }), null, { commit: false })
    await a.refresh()
    expect(await a.list()).toContain('only-on-redis')
    expect(existsSync(path.join(aNotes, 'only-on-redis.mdx'))).toBe(false)
    const deleted = await b.delete('only-on-redis', (await b.read('only-on-redis'))!.version)
    expect(deleted.commit).toBeNull()
    expect(await a.list()).not.toContain('only-on-redis')
    expect(await a.read('only-on-redis')).toBeNull()
  })

  it('text kept while the remote was down gives way once the remote has it, or has moved on', async () => {
    const prefix = `moved-${Date.now()}:`
    const [a, b] = [sharing(prefix), sharing(prefix)]
    const first = await a.save('moved-on', note({ title: 'Moved on', body: 'One.\n' }), null)
    await server.stop()
    let kept: NoteStoreError
    try {
      kept = await refusal(a.save('moved-on', note({ title: 'Moved on', body: 'One.\nOffline.\n' }), first.version))
    } finally {
      await server.start()
    }
    expect(kept.code).toBe('unpushed')
    // B reads the text A could not push yet.
    await b.refresh()
    expect((await b.read('moved-on'))?.body).toContain('Offline.')
    // A pushes it by itself (the instance's look at the remote); then a laptop pushes another edit.
    await a.refresh()
    expect(remoteFile('notes/moved-on.mdx')).toContain('Offline.')
    const laptop = instance()
    await laptop.store.ready()
    const onRemote = (await laptop.store.read('moved-on'))!
    await laptop.store.save('moved-on', note({ title: 'Moved on', body: 'One.\nOffline.\nFrom the laptop.\n' }), onRemote.version)
    // The kept text no longer shadows the remote: B shows the laptop's edit, and a save from the
    // older text is a conflict, not an overwrite.
    await b.refresh()
    expect((await b.read('moved-on'))?.body).toContain('From the laptop.')
    const stale = await refusal(b.save('moved-on', note({ title: 'Moved on', body: 'Overwrite.\n' }), kept.current!.version))
    expect(stale.code).toBe('conflict')
    expect(remoteFile('notes/moved-on.mdx')).toContain('From the laptop.')
  })

  it('renaming an autosaved draft is pushed: no instance keeps the old slug', async () => {
    const prefix = `rename-${Date.now()}:`
    const [a, b] = [sharing(prefix), sharing(prefix)]
    const saved = await a.save('old-name', note({ title: 'Old name' }), null)
    const renamed = await b.rename('old-name', 'new-name', note({ title: 'New name' }), saved.version, { commit: false })
    expect(renamed.commit).not.toBeNull()
    expect(remoteLog()[0]).toBe('Rename note old-name to new-name')
    await a.refresh()
    expect(await a.list()).toContain('new-name')
    expect(await a.list()).not.toContain('old-name')
  })
})
