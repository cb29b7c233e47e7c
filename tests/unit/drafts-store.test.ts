import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { filterNotes, type AdminNoteRow } from '@/lib/admin/note-rows'
import { writeFileAtomic } from '@/lib/drafts/atomic-write'
import { NoteStore, NoteStoreError } from '@/lib/drafts/store'
import { parseNoteFile, serializeNote } from '@/lib/notes/note-file'
import { parseNoteInput, type NoteInput } from '@/lib/notes/schema'
import { slugFromTitle, validateSlug } from '@/lib/notes/slug'

const dirs: string[] = []
function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'drafts-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' })

function gitRepo() {
  const root = tempDir()
  git(root, 'init', '-q')
  git(root, 'commit', '-q', '--allow-empty', '-m', 'start')
  return root
}

const note = (overrides: Partial<NoteInput> = {}): NoteInput => ({
  title: 'Streams',
  summary: 'CUDA streams',
  tags: ['CUDA'],
  draft: true,
  body: 'Hello $x$\n',
  ...overrides,
})

describe('validateSlug', () => {
  it('accepts lowercase words joined by single hyphens', () => {
    expect(validateSlug('cuda-streams-2')).toEqual({ ok: true, slug: 'cuda-streams-2' })
  })

  it('refuses everything that could name another file, with a clear message', () => {
    for (const bad of ['..', '../x', 'a/b', 'a\\b', '%2e%2e', 'a%2Fb', 'a\u0000b', 'UPPER', 'a--b', '-a', 'a-', ' a', 'é', 'x'.repeat(81), '', 'con', 'nul', 'lpt1', 'index', 42, null]) {
      const result = validateSlug(bad)
      expect(result.ok, String(bad)).toBe(false)
      if (!result.ok) expect(result.error.length).toBeGreaterThan(10)
    }
  })

  it('proposes a slug from a title', () => {
    expect(slugFromTitle('CUDA: streams & events — part 2')).toBe('cuda-streams-events-part-2')
    expect(slugFromTitle('Über Kernels')).toBe('uber-kernels')
  })
})

describe('note input', () => {
  it('names each bad field, and rejects unknown fields', () => {
    const result = parseNoteInput({ ...note(), title: ' ', seriesOrder: 2, date: '2021-02-30', draft: false, extra: 1 })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.title).toBe('Title is required')
      expect(result.errors.extra).toBe('Unknown field: extra')
    }
    const bad = parseNoteInput({ ...note(), date: '2021-02-30' })
    expect(!bad.ok && bad.errors.date).toBe('is not a real calendar date')
  })

  it('refuses a body over 1 MB', () => {
    const result = parseNoteInput({ ...note(), body: 'x'.repeat(1_000_001) })
    expect(!result.ok && result.errors.body).toBe('Body is larger than 1 MB')
  })
})

describe('note files', () => {
  it('writes front matter from the fields, quoting every string, and reads it back', () => {
    const input = note({ title: 'yes: <script>"x"</script> ]]>', series: 'S', seriesOrder: 1, date: '2021-01-05' })
    const source = serializeNote(input)
    expect(source.startsWith('---\ntitle: "yes: <script>\\"x\\"</script> ]]>"\ndate: "2021-01-05"\n')).toBe(true)
    const parsed = parseNoteFile(source)
    expect(parsed.fields).toMatchObject({ title: input.title, date: '2021-01-05', seriesOrder: 1, draft: true, tags: ['CUDA'] })
    expect(parsed.body).toBe('Hello $x$\n')
  })

  it('never takes front matter from the body, and refuses executable front matter', () => {
    const source = serializeNote(note({ body: '---\ntitle: injected\n---\n' }))
    expect(parseNoteFile(source).fields.title).toBe('Streams')
    expect(() => parseNoteFile('---js\n{ title: process.exit() }\n---\n')).toThrow('plain YAML')
  })
})

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file behind', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'a.mdx')
    writeFileSync(file, 'old')
    await writeFileAtomic(file, 'new content')
    expect(readFileSync(file, 'utf8')).toBe('new content')
    expect(readdirSync(dir)).toEqual(['a.mdx'])
  })

  it('keeps the old file when the write fails', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'missing-folder', 'a.mdx')
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow()
    const existing = path.join(dir, 'b.mdx')
    writeFileSync(existing, 'old')
    // A string the encoder cannot take: the write throws before any rename.
    await expect(writeFileAtomic(existing, Symbol('x') as unknown as string)).rejects.toThrow()
    expect(readFileSync(existing, 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['b.mdx'])
  })
})

describe('NoteStore', () => {
  it('creates, reads and refuses a save against a stale version (conflict with the current text)', async () => {
    const store = new NoteStore(path.join(tempDir(), 'notes'))
    const { version } = await store.save('streams', note(), null)
    const loaded = await store.read('streams')
    expect(loaded?.version).toBe(version)

    const second = await store.save('streams', note({ body: 'from tab A\n' }), version)
    const stale = store.save('streams', note({ body: 'from tab B\n' }), version)
    await expect(stale).rejects.toMatchObject({ code: 'conflict', current: { version: second.version } })
    expect((await store.read('streams'))?.body).toBe('from tab A\n')
    await expect(store.save('streams', note(), null)).rejects.toMatchObject({ code: 'exists' })
  })

  it('sees an edit made on disk as a conflict', async () => {
    const notes = path.join(tempDir(), 'notes')
    const store = new NoteStore(notes)
    const { version } = await store.save('a', note(), null)
    writeFileSync(path.join(notes, 'a.mdx'), 'edited by hand\n')
    await expect(store.save('a', note(), version)).rejects.toBeInstanceOf(NoteStoreError)
  })

  it('refuses bad slugs and symlinked files without touching the disk', async () => {
    const root = tempDir()
    const notes = path.join(root, 'notes')
    mkdirSync(notes)
    writeFileSync(path.join(root, 'secret.txt'), 'secret')
    symlinkSync(path.join(root, 'secret.txt'), path.join(notes, 'linked.mdx'))
    const store = new NoteStore(notes)
    await expect(store.save('../secret', note(), null)).rejects.toMatchObject({ code: 'invalid-slug' })
    await expect(store.read('linked')).rejects.toMatchObject({ code: 'unsafe-path' })
    expect(readFileSync(path.join(root, 'secret.txt'), 'utf8')).toBe('secret')
  })

  it('commits the note’s images with it, but nothing missing or outside the repository', async () => {
    const root = gitRepo()
    const store = new NoteStore(path.join(root, 'content/notes'))
    const images = path.join(root, 'public/notes/streams')
    mkdirSync(images, { recursive: true })
    writeFileSync(path.join(images, 'plot-0123456789.png'), 'png')
    const outside = path.join(tempDir(), 'elsewhere.png')
    writeFileSync(outside, 'png')
    const saved = await store.save('streams', note(), null, { alsoCommit: [images, outside, path.join(root, 'public/notes/missing')] })
    expect(git(root, 'show', '--name-only', '--format=', saved.commit!).trim().split('\n').sort()).toEqual([
      'content/notes/streams.mdx',
      'public/notes/streams/plot-0123456789.png',
    ])
  })

  it('commits each save and delete as one commit of that one file, leaving other staged work alone', async () => {
    const root = gitRepo()
    const store = new NoteStore(path.join(root, 'content/notes'))
    writeFileSync(path.join(root, 'unrelated.txt'), 'staged but not mine')
    git(root, 'add', 'unrelated.txt')

    const created = await store.save('streams', note(), null, { message: 'Save draft streams' })
    const published = await store.save('streams', note({ draft: false, date: '2021-03-01' }), created.version, { message: 'Publish streams' })
    expect(git(root, 'show', '--name-only', '--format=', published.commit!).trim()).toBe('content/notes/streams.mdx')
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('unrelated.txt')

    const history = await store.history('streams')
    expect(history?.map((revision) => revision.message)).toEqual(['Publish streams', 'Save draft streams'])
    expect(await store.sourceAt('streams', history![1].commit)).toContain('draft: true')

    await store.delete('streams', published.version)
    expect(git(root, 'log', '-1', '--format=%s').trim()).toBe('Delete note streams')
    expect(await store.sourceAt('streams', history![0].commit)).toContain('draft: false')
  })

  it('writes autosaves without a commit; the next explicit save commits everything since', async () => {
    const root = gitRepo()
    const store = new NoteStore(path.join(root, 'content/notes'))
    const first = await store.save('streams', note(), null, { message: 'Create note streams' })
    const autosaved = await store.save('streams', note({ body: 'typing…\n' }), first.version, { commit: false })
    expect(autosaved.commit).toBeNull()
    expect(git(root, 'status', '--porcelain').trim()).toBe('M content/notes/streams.mdx')
    const explicit = await store.save('streams', note({ body: 'typing… done\n' }), autosaved.version)
    expect(explicit.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(git(root, 'status', '--porcelain').trim()).toBe('')
  })

  it('renames a draft as one commit of both paths, refusing to overwrite another note', async () => {
    const root = gitRepo()
    const store = new NoteStore(path.join(root, 'content/notes'))
    const created = await store.save('draft-title', note(), null)
    await store.save('taken', note(), null)
    await expect(store.rename('draft-title', 'taken', note(), created.version)).rejects.toMatchObject({ code: 'exists' })
    const renamed = await store.rename('draft-title', 'cuda-streams', note(), created.version)
    expect(await store.list()).toEqual(['cuda-streams', 'taken'])
    expect(git(root, 'show', '--no-renames', '--name-only', '--format=', renamed.commit!).trim().split('\n').sort()).toEqual([
      'content/notes/cuda-streams.mdx',
      'content/notes/draft-title.mdx',
    ])
  })

  it('lists deleted notes with the commit that deleted them, until they are back', async () => {
    const root = gitRepo()
    const store = new NoteStore(path.join(root, 'content/notes'))
    const saved = await store.save('gone', note({ title: 'Gone' }), null)
    const { commit } = await store.delete('gone', saved.version)
    const deleted = await store.deleted()
    expect(deleted).toEqual([{ slug: 'gone', commit: commit!, date: expect.any(String), restoreFrom: saved.commit }])
    expect(await store.sourceAt('gone', commit!)).toBeNull()
    const history = await store.history('gone')
    expect(await store.sourceAt('gone', history![1].commit)).toContain('title: "Gone"')
    await store.save('gone', note(), null)
    expect(await store.deleted()).toEqual([])
  })

  it('keeps working without git, with no history', async () => {
    const store = new NoteStore(path.join(tempDir(), 'notes'))
    const saved = await store.save('a', note(), null)
    expect(saved.commit).toBeNull()
    expect(await store.history('a')).toBeNull()
  })
})

describe('filterNotes', () => {
  const rows: AdminNoteRow[] = [
    { slug: 'cuda', title: 'CUDA', status: 'published', tags: ['GPU'] },
    { slug: 'streams', title: 'Streams', status: 'draft', tags: ['CUDA'] },
    { slug: 'later', title: 'Later', status: 'awaiting-deploy', tags: [] },
  ]

  it('filters by status and by text in title, slug or tags', () => {
    expect(filterNotes(rows, 'draft', undefined).map((r) => r.slug)).toEqual(['streams'])
    expect(filterNotes(rows, 'all', 'cuda').map((r) => r.slug)).toEqual(['cuda', 'streams'])
    expect(filterNotes(rows, undefined, '  LATER ').map((r) => r.slug)).toEqual(['later'])
    expect(filterNotes(rows, 'published', 'streams')).toEqual([])
  })
})
