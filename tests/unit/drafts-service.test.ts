import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { deleteNote, saveNote, setPublished } from '@/lib/drafts/service'
import { ShareStore } from '@/lib/drafts/shares'
import { NoteStore } from '@/lib/drafts/store'

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

  it('refuses a part of a series another note already is, and a body the MDX policy refuses', async () => {
    const notes = store()
    await saveNote('part-one', { version: null, note: { ...note, series: 'CUDA', seriesOrder: 1 } }, notes)
    await expect(saveNote('also-one', { version: null, note: { ...note, series: 'CUDA', seriesOrder: 1 } }, notes)).rejects.toMatchObject({
      details: { errors: { seriesOrder: 'Part 1 of “CUDA” is already the note “part-one”.' } },
    })
    await expect(saveNote('evil', { version: null, note: { ...note, body: '{process.env.AUTH_SECRET}' } }, notes)).rejects.toMatchObject({
      status: 422,
      details: { problems: [expect.objectContaining({ line: 1, column: 1 })] },
    })
    expect(await notes.list()).toEqual(['part-one'])
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
