import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseNoteFile } from '@/lib/drafts/note-file'
import type { NoteInput } from '@/lib/drafts/schema'
import { NoteStore, NoteStoreError } from '@/lib/drafts/store'
import { startStoreChild, type StoreChild } from './fixtures/store-process'

const dirs: string[] = []
const children: StoreChild[] = []
function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'locking-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const child of children) child.process.kill('SIGKILL')
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

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
