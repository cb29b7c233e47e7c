import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { restoreSummary } from '@/lib/drafts/restore-summary'
import { deleteNote, restoreRevision, saveNote, setPublished } from '@/lib/drafts/service'
import { ShareStore } from '@/lib/drafts/shares'
import { NoteStore } from '@/lib/drafts/store'
import { resetSettings } from '@/lib/settings'

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function store() {
  const dir = mkdtempSync(path.join(tmpdir(), 'service-'))
  dirs.push(dir)
  return new NoteStore(path.join(dir, 'notes'))
}

const note = { title: 'Streams', summary: 'S', tags: [], body: 'Body\n' }

function shares() {
  return new ShareStore(path.join(dirs.at(-1)!, 'shares.json'), 'a-secret-of-enough-length-0123456789')
}

describe('share links follow the note they were made for', () => {
  it('deleting a note revokes its links, so a new note at the same slug is not shown to them', async () => {
    const notes = store()
    const links = shares()
    const created = await saveNote('streams', { version: null, note }, notes, links)
    const { token } = await links.create('streams', 7)
    const other = await links.create('other-note', 7)
    expect(await links.verify(token)).not.toBeNull()
    await deleteNote('streams', { version: created.version }, notes, links)
    expect(await links.verify(token)).toBeNull()
    await saveNote('streams', { version: null, note: { ...note, title: 'Unrelated' } }, notes, links)
    expect(await links.verify(token)).toBeNull()
    expect(await links.verify(other.token)).not.toBeNull()
  })

  it('renaming a draft revokes the links to its old slug', async () => {
    const notes = store()
    const links = shares()
    const created = await saveNote('old-name', { version: null, note }, notes, links)
    const { token } = await links.create('old-name', 1)
    await saveNote('old-name', { version: created.version, slug: 'new-name', note }, notes, links)
    expect(await links.verify(token)).toBeNull()
  })
})

describe('saveNote', () => {
  it('creates drafts whatever the client says, and only publishing changes that', async () => {
    const notes = store()
    const created = await saveNote('streams', { version: null, note: { ...note, draft: false } }, notes)
    expect(created.draft).toBe(true)
    const published = await setPublished('streams', { version: created.version }, true, notes)
    expect(published).toMatchObject({ draft: false, date: new Date().toISOString().slice(0, 10), deploy: { triggered: false } })
    const saved = await saveNote('streams', { version: published.version, note: { ...note, date: published.date } }, notes)
    expect(saved.draft).toBe(false)
  })

  it('renames a draft, but keeps a published note at its public address', async () => {
    const notes = store()
    const created = await saveNote('old-name', { version: null, note }, notes)
    const renamed = await saveNote('old-name', { version: created.version, slug: 'new-name', note }, notes, shares())
    expect(await notes.list()).toEqual(['new-name'])
    const published = await setPublished('new-name', { version: renamed.version }, true, notes)
    await expect(saveNote('new-name', { version: published.version, slug: 'other', note: { ...note, date: published.date } }, notes)).rejects.toMatchObject({
      status: 422,
      details: { errors: { slug: expect.stringContaining('keeps its slug') } },
    })
  })

  it('refuses a part of a series another note already is', async () => {
    const notes = store()
    await saveNote('part-one', { version: null, note: { ...note, series: 'CUDA', seriesOrder: 1 } }, notes)
    await expect(saveNote('also-one', { version: null, note: { ...note, series: 'CUDA', seriesOrder: 1 } }, notes)).rejects.toMatchObject({
      details: { errors: { seriesOrder: 'Part 1 of “CUDA” is already the note “part-one”.' } },
    })
    expect(await notes.list()).toEqual(['part-one'])
  })

  it('refuses a part of a series a notebook already is (the build would refuse the site)', async () => {
    const notes = store()
    const notesDir = path.join(dirs.at(-1)!, 'notes')
    mkdirSync(notesDir, { recursive: true })
    const notebook = { nbformat: 4, nbformat_minor: 5, metadata: { note: { title: 'Matmul', date: '2021-01-01', summary: 's', series: 'CUDA', seriesOrder: 2 } }, cells: [] }
    writeFileSync(path.join(notesDir, 'matmul.ipynb'), JSON.stringify(notebook))
    await expect(saveNote('also-two', { version: null, note: { ...note, series: 'CUDA', seriesOrder: 2 } }, notes)).rejects.toMatchObject({
      details: { errors: { seriesOrder: 'Part 2 of “CUDA” is already the note “matmul (notebook matmul.ipynb)”.' } },
    })
    expect((await saveNote('also-three', { version: null, note: { ...note, series: 'CUDA', seriesOrder: 3 } }, notes)).slug).toBe('also-three')
  })

  it('saves a draft whose body has problems, with them; readers only ever get a clean body', async () => {
    const notes = store()
    const unfinished = { ...note, body: 'Intro.\n\n$$\\frac{1}{$$\n\n{process.env.AUTH_SECRET}\n' }
    const saved = await saveNote('unfinished', { version: null, note: unfinished }, notes)
    expect(saved.problems.map((problem) => problem.line)).toEqual([3, 5])
    expect((await notes.read('unfinished'))!.source).toContain('{process.env.AUTH_SECRET}')
    await expect(setPublished('unfinished', { version: saved.version }, true, notes)).rejects.toMatchObject({
      status: 422,
      message: 'The body has 2 problems; fix it to publish the note.',
      details: { problems: [expect.objectContaining({ line: 3 }), expect.objectContaining({ line: 5 })] },
    })
    const fixed = await saveNote('unfinished', { version: saved.version, note }, notes)
    expect(fixed.problems).toEqual([])
    const published = await setPublished('unfinished', { version: fixed.version }, true, notes)
    await expect(saveNote('unfinished', { version: published.version, note: { ...unfinished, date: published.date } }, notes)).rejects.toMatchObject({
      status: 422,
      details: { problems: [expect.objectContaining({ line: 3 }), expect.objectContaining({ line: 5 })] },
    })
    expect((await notes.read('unfinished'))!.fields.draft).toBe(false)
  })

  it('publishing needs a summary; the refusal names the field and leaves the file alone', async () => {
    const notes = store()
    const created = await saveNote('bare', { version: null, note: { ...note, summary: '' } }, notes)
    const before = (await notes.read('bare'))!.source
    await expect(setPublished('bare', { version: created.version }, true, notes)).rejects.toMatchObject({
      details: { errors: { summary: 'A published note needs a summary' } },
    })
    expect((await notes.read('bare'))!.source).toBe(before)
  })
})

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' })

/** A site folder in git (content/notes, public/notes), made the working directory while `run` runs. */
async function inSiteRepo(run: (root: string, notes: NoteStore) => Promise<void>) {
  const root = mkdtempSync(path.join(tmpdir(), 'service-site-'))
  dirs.push(root)
  git(root, 'init', '-q')
  git(root, 'commit', '-q', '--allow-empty', '-m', 'start')
  const previous = process.cwd()
  process.chdir(root)
  resetSettings()
  try {
    await run(root, new NoteStore(path.join(root, 'content', 'notes')))
  } finally {
    process.chdir(previous)
    resetSettings()
  }
}

const filesIn = (root: string, commit: string | null) => git(root, 'show', '--name-only', '--format=', commit!).trim().split('\n').sort()

function addImage(root: string, name: string) {
  const dir = path.join(root, 'public', 'notes', 'streams')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, name), 'png')
  return `public/notes/streams/${name}`
}

describe('publish, unpublish and restore', () => {
  it('commit the images pasted into the note with it', async () => {
    await inSiteRepo(async (root, notes) => {
      const created = await saveNote('streams', { version: null, note }, notes)
      const edited = await saveNote('streams', { version: created.version, commit: false, note: { ...note, body: 'Second\n' } }, notes)
      const first = addImage(root, 'plot-0123456789.png')
      const published = await setPublished('streams', { version: edited.version }, true, notes)
      expect(filesIn(root, published.commit)).toEqual(['content/notes/streams.mdx', first])
      const second = addImage(root, 'loss-abcdef0123.png')
      const unpublished = await setPublished('streams', { version: published.version }, false, notes)
      expect(filesIn(root, unpublished.commit)).toEqual(['content/notes/streams.mdx', second])
      const third = addImage(root, 'grid-9876543210.png')
      const restored = await restoreRevision('streams', { version: unpublished.version, revision: created.commit }, notes)
      expect(filesIn(root, restored.commit)).toEqual(['content/notes/streams.mdx', third])
      expect(git(root, 'status', '--porcelain').trim()).toBe('')
    })
  })
})

describe('restoring a revision', () => {
  it('says which revision came back, and names the images it shows that the server no longer has', async () => {
    await inSiteRepo(async (root, notes) => {
      const gone = addImage(root, 'plot-0123456789.png')
      addImage(root, 'kept-0123456789.png')
      const body = '![Plot](/notes/streams/plot-0123456789.png)\n\n![Kept](/notes/streams/kept-0123456789.png)\n\n![Elsewhere](https://example.org/x.png)\n'
      const created = await saveNote('streams', { version: null, note: { ...note, body } }, notes)
      const edited = await saveNote('streams', { version: created.version, note: { ...note, body: 'Rewritten\n' } }, notes)
      rmSync(path.join(root, gone))
      const restored = await restoreRevision('streams', { version: edited.version, revision: created.commit }, notes)
      const id = created.commit!.slice(0, 7)
      const date = git(root, 'log', '-1', '--format=%cI', created.commit!).trim().slice(0, 16).replace('T', ' ')
      expect(restored.revision).toEqual({ id, date })
      expect(restored.missingImages).toEqual(['/notes/streams/plot-0123456789.png'])
      expect(restored.message).toBe(
        `Restored the text of ${date} (${id}). An image it shows is no longer on the server: /notes/streams/plot-0123456789.png. Upload it again or remove that line.`,
      )
      expect((await notes.read('streams'))!.body).toBe(body)
    })
  })

  it('words the summary for no missing image and for several', () => {
    const revision = { commit: 'abc1234def5678abc1234def5678abc1234def56', date: '2026-11-30T14:02:59+01:00', message: 'Update note streams' }
    expect(restoreSummary(revision, [])).toEqual({ revision: { id: 'abc1234', date: '2026-11-30 14:02' }, message: 'Restored the text of 2026-11-30 14:02 (abc1234).', missingImages: [] })
    expect(restoreSummary(revision, ['/a.png', '/b.png']).message).toBe(
      'Restored the text of 2026-11-30 14:02 (abc1234). 2 images it shows are no longer on the server: /a.png, /b.png. Upload them again or remove those lines.',
    )
  })
})

describe('a note file without a draft line', () => {
  it('is published, as the build reads it: the editor neither autosaves it nor turns it into a draft', async () => {
    const notes = store()
    const notesDir = path.join(dirs.at(-1)!, 'notes')
    mkdirSync(notesDir, { recursive: true })
    writeFileSync(path.join(notesDir, 'cuda.mdx'), '---\ntitle: CUDA\ndate: 2020-12-01\nsummary: What a GPU is.\ntags: [CUDA]\n---\n\nBody\n')
    const current = (await notes.read('cuda'))!
    await expect(saveNote('cuda', { version: current.version, commit: false, note: { ...note, title: 'CUDA' } }, notes)).rejects.toMatchObject({ status: 422, message: expect.stringContaining('A published note is not autosaved') })
    const updated = await saveNote('cuda', { version: current.version, commit: true, note: { ...note, title: 'CUDA', date: '2020-12-01' } }, notes)
    expect(updated.draft).toBe(false)
    expect((await notes.read('cuda'))!.fields.draft).toBe(false)
  })
})
