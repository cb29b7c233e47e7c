import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { now, TEST_CLOCK_VARIABLE } from '@/lib/content/clock.mjs'
import { draftNoteFiles, isDraftSource, scheduledNoteFiles } from '@/lib/content/draft-files.mjs'
import { findScheduledNoteProblems } from '@/lib/content/scheduled-notes'
import { findContentProblems, scheduleProblems } from '@/lib/content/validate'
import { saveNote, scheduleNote, setPublished } from '@/lib/drafts/service'
import { NoteStore } from '@/lib/drafts/store'
import { parseNoteFile, serializeNote } from '@/lib/notes/note-file'
import { noteInputFromFile } from '@/lib/notes/note-input'
import { isDayOfInstant, parseInstant } from '@/lib/notes/publish-at.mjs'
import { parseNoteInput } from '@/lib/notes/schema'
import { dueNotes, nextInstant, readSchedule } from '@/lib/publishing/schedule'

const dirs: string[] = []
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const AT = '2026-12-03T09:00:00.000Z'
const noteSource = (fields: string) => `---\ntitle: "T"\ndate: "2026-12-03"\nsummary: "S"\n${fields}\n---\n\nBody $x$.\n`

describe('publishAt, an instant with a zone', () => {
  it('reads instants in UTC or with an offset, to the minute or finer', () => {
    expect(parseInstant('2026-12-03T09:00:00Z')).toBe(Date.UTC(2026, 11, 3, 9))
    expect(parseInstant('2026-12-03T09:00Z')).toBe(Date.UTC(2026, 11, 3, 9))
    expect(parseInstant('2026-12-03T14:30:00.000+05:30')).toBe(Date.UTC(2026, 11, 3, 9))
  })

  it('refuses what names no single instant: no zone, no time, an impossible day or hour, not text', () => {
    for (const value of ['2026-12-03T09:00:00', '2026-12-03', '2026-02-30T09:00Z', '2026-12-03T25:00Z', '2026-12-03 09:00Z', 'tomorrow', 1764752400000, null]) {
      expect(parseInstant(value), String(value)).toBeUndefined()
    }
  })

  it('allows as the date the author’s own day of the instant, in any zone, and nothing further', () => {
    const instant = parseInstant('2026-12-03T23:30:00Z')!
    expect(isDayOfInstant('2026-12-03', instant)).toBe(true)
    expect(isDayOfInstant('2026-12-04', instant)).toBe(true) // east of UTC it is already the 4th
    expect(isDayOfInstant('2026-12-02', instant)).toBe(true)
    expect(isDayOfInstant('2026-12-06', instant)).toBe(false)
  })
})

describe('the clock', () => {
  afterEach(() => {
    vi.useRealTimers()
    delete process.env[TEST_CLOCK_VARIABLE]
  })

  it('is the system time, which vitest’s fake time controls', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(AT))
    expect(now()).toBe(Date.parse(AT))
  })

  it('reads the test clock file only when the variable names it; a missing or empty file is the real time', () => {
    const file = path.join(tempDir('clock'), 'now')
    writeFileSync(file, '2030-01-01T00:00:00Z\n')
    expect(now()).not.toBe(Date.parse('2030-01-01T00:00:00Z'))
    process.env[TEST_CLOCK_VARIABLE] = file
    expect(now()).toBe(Date.parse('2030-01-01T00:00:00Z'))
    writeFileSync(file, '')
    expect(Math.abs(now() - Date.now())).toBeLessThan(1000)
    rmSync(file)
    expect(Math.abs(now() - Date.now())).toBeLessThan(1000)
  })

  it('names the file and its content when it holds no instant', () => {
    const file = path.join(tempDir('clock'), 'now')
    writeFileSync(file, 'soon')
    process.env[TEST_CLOCK_VARIABLE] = file
    expect(() => now()).toThrow(`${TEST_CLOCK_VARIABLE} names ${file}, which holds "soon", not an instant`)
  })
})

describe('the content build leaves a scheduled note out until its time', () => {
  afterEach(() => vi.useRealTimers())

  function contentWith(notes: Record<string, string>) {
    const dir = tempDir('content')
    mkdirSync(path.join(dir, 'notes'))
    for (const [name, source] of Object.entries(notes)) writeFileSync(path.join(dir, 'notes', name), source)
    return dir
  }

  const content = () =>
    contentWith({
      'scheduled.mdx': noteSource(`draft: false\npublishAt: "${AT}"`),
      'published.mdx': noteSource('draft: false'),
      'draft.mdx': noteSource(`draft: true\npublishAt: "${AT}"`),
      'unreadable-time.mdx': noteSource('draft: false\npublishAt: "next week"'),
    })

  it('before the instant the note is held back like a draft; from the instant on it is built', () => {
    const dir = content()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse(AT) - 1)
    expect(draftNoteFiles(dir)).toEqual(['notes/draft.mdx', 'notes/scheduled.mdx'])
    expect(scheduledNoteFiles(dir)).toEqual(['notes/scheduled.mdx'])
    vi.setSystemTime(Date.parse(AT))
    expect(draftNoteFiles(dir)).toEqual(['notes/draft.mdx'])
    expect(scheduledNoteFiles(dir)).toEqual([])
  })

  it('a draft stays a draft whatever its publishAt; a publishAt that is no instant is built, so the build names it', () => {
    const source = readFileSync(path.join(content(), 'notes/unreadable-time.mdx'), 'utf8')
    expect(isDraftSource(source, Date.parse(AT) + 10 ** 9)).toBe(false)
    expect(isDraftSource(noteSource(`draft: true\npublishAt: "${AT}"`), Date.parse(AT) + 10 ** 9)).toBe(true)
  })

  it('checks a held-back note now, with the editor’s rules: fields and body, naming file, field and line', () => {
    const dir = contentWith({
      'wrong-day.mdx': `---\ntitle: "T"\ndate: "2026-11-01"\nsummary: "S"\ndraft: false\npublishAt: "${AT}"\n---\n\nFine.\n`,
      'no-summary.mdx': `---\ntitle: "T"\ndate: "2026-12-03"\ndraft: false\npublishAt: "${AT}"\n---\n\nBroken $\\frac{1}{$ math.\n`,
    })
    const problems = findScheduledNoteProblems(dir, ['notes/no-summary.mdx', 'notes/wrong-day.mdx'])
    expect(problems).toContain(`${dir}/notes/wrong-day.mdx: field "date" A scheduled note is dated the day it becomes public: change the date, or schedule it again`)
    expect(problems).toContain(`${dir}/notes/no-summary.mdx: field "summary" A published note needs a summary`)
    expect(problems.some((problem) => problem.startsWith(`${dir}/notes/no-summary.mdx:8:`) && problem.includes('KaTeX'))).toBe(true)
  })
})

describe('validation of publishAt', () => {
  const built = (fields: Record<string, unknown>) => ({ title: 't', summary: 's', date: '2026-12-03T00:00:00.000Z', _raw: { sourceFilePath: 'notes/a.mdx' }, ...fields })

  it('fails the build naming the file and the field', () => {
    const problems = findContentProblems([built({ publishAt: '2026-12-03 09:00' })], () => '---\ndate: 2026-12-03\n---\n')
    expect(problems).toEqual([
      { file: 'notes/a.mdx', field: 'publishAt', message: '"2026-12-03 09:00" is not an instant (write a day, a time and a zone, e.g. 2026-12-03T09:00:00Z)' },
    ])
  })

  it('dates a scheduled note the day it becomes public', () => {
    expect(scheduleProblems({ publishAt: AT, date: '2026-12-03T00:00:00.000Z' })).toEqual([])
    expect(scheduleProblems({ publishAt: AT, date: '2026-10-01' })).toEqual([
      { field: 'date', message: `is not the day of publishAt (${AT}): a scheduled note is dated the day it becomes public` },
    ])
  })

  it('is refused by the editor’s schema with a message for the field', () => {
    const note = { title: 'T', summary: 'S', date: '2026-12-03', draft: false, body: 'b' }
    expect(parseNoteInput({ ...note, publishAt: 'tomorrow' })).toEqual({ ok: false, errors: { publishAt: 'Scheduled time must be an instant with a zone, like 2026-12-03T09:00:00Z' } })
    expect(parseNoteInput({ ...note, publishAt: AT, date: '2026-12-25' })).toMatchObject({ ok: false, errors: { date: expect.stringContaining('dated the day it becomes public') } })
    expect(parseNoteInput({ ...note, publishAt: AT })).toMatchObject({ ok: true })
  })

  it('is written to the file and read back as it was', () => {
    const result = parseNoteInput({ title: 'T', summary: 'S', date: '2026-12-03', draft: false, publishAt: AT, body: 'b\n' })
    if (!result.ok) throw new Error('invalid')
    const file = serializeNote(result.note)
    expect(file).toContain(`publishAt: "${AT}"`)
    expect(noteInputFromFile(parseNoteFile(file))).toMatchObject({ draft: false, publishAt: AT, date: '2026-12-03' })
  })
})

describe('scheduling in the admin', () => {
  const note = { title: 'Streams', summary: 'S', tags: [], body: 'Body\n' }
  const nowAt = Date.parse('2026-12-01T12:00:00Z')
  let notes: NoteStore

  beforeEach(() => {
    // Only Date: the store's locks keep real timers.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(nowAt)
    notes = new NoteStore(path.join(tempDir('schedule'), 'notes'))
  })
  afterEach(() => vi.useRealTimers())

  const fileOf = async (slug: string) => (await notes.read(slug))!.fields

  it('schedules a draft: published in the file, held back until the instant, dated the author’s day of it', async () => {
    const created = await saveNote('streams', { version: null, note }, notes)
    const scheduled = await scheduleNote('streams', { version: created.version, publishAt: '2026-12-03T20:30:00.000Z', date: '2026-12-04' }, notes)
    expect(scheduled).toMatchObject({ draft: false, publishAt: '2026-12-03T20:30:00.000Z', date: '2026-12-04' })
    expect(await fileOf('streams')).toMatchObject({ draft: false, publishAt: '2026-12-03T20:30:00.000Z', date: '2026-12-04' })
    expect(isDraftSource(serializeNote({ ...note, draft: false, date: '2026-12-04', publishAt: scheduled.publishAt }), nowAt)).toBe(true)
  })

  it('refuses a time that has passed, saying what to do instead', async () => {
    const created = await saveNote('streams', { version: null, note }, notes)
    await expect(scheduleNote('streams', { version: created.version, publishAt: '2026-12-01T11:59:00Z' }, notes)).rejects.toMatchObject({
      status: 422,
      details: { errors: { publishAt: 'That time has passed: pick a later one, or Publish now.' } },
    })
    expect(await fileOf('streams')).toMatchObject({ draft: true })
  })

  it('checks the note as a publish does, and refuses to schedule a note readers already have', async () => {
    const bare = await saveNote('bare', { version: null, note: { ...note, summary: '' } }, notes)
    await expect(scheduleNote('bare', { version: bare.version, publishAt: '2026-12-03T09:00:00Z' }, notes)).rejects.toMatchObject({ status: 422, details: { errors: { summary: 'A published note needs a summary' } } })
    const created = await saveNote('streams', { version: null, note }, notes)
    const published = await setPublished('streams', { version: created.version }, true, notes)
    await expect(scheduleNote('streams', { version: published.version, publishAt: '2026-12-03T09:00:00Z' }, notes)).rejects.toMatchObject({
      status: 422,
      message: 'This note is already public: unpublish it first to schedule it.',
    })
  })

  it('keeps the schedule through saves, which do not touch the public site', async () => {
    const created = await saveNote('streams', { version: null, note }, notes)
    const scheduled = await scheduleNote('streams', { version: created.version, publishAt: '2026-12-03T09:00:00Z' }, notes)
    const saved = await saveNote('streams', { version: scheduled.version, note: { ...note, body: 'Changed\n', date: scheduled.date, publishAt: '2026-12-01T12:00:01Z' } }, notes)
    expect(saved).toMatchObject({ draft: false, updatesSite: false })
    expect(await fileOf('streams')).toMatchObject({ publishAt: '2026-12-03T09:00:00.000Z' })
    await expect(saveNote('streams', { version: saved.version, note: { ...note, date: scheduled.date }, commit: false }, notes)).rejects.toMatchObject({ status: 422 })
  })

  it('publish now dates the note today and ends the schedule; unschedule makes it a draft without the scheduled day', async () => {
    const created = await saveNote('streams', { version: null, note }, notes)
    const first = await scheduleNote('streams', { version: created.version, publishAt: '2026-12-20T09:00:00Z' }, notes)
    const now = await setPublished('streams', { version: first.version }, true, notes)
    expect(now).toMatchObject({ draft: false, date: '2026-12-01' })
    expect((await fileOf('streams')).publishAt).toBeUndefined()

    const other = await saveNote('other', { version: null, note }, notes)
    const second = await scheduleNote('other', { version: other.version, publishAt: '2026-12-20T09:00:00Z' }, notes)
    const unscheduled = await setPublished('other', { version: second.version }, false, notes)
    expect(unscheduled).toMatchObject({ draft: true, date: undefined })
    const fields = await fileOf('other')
    expect(fields.publishAt).toBeUndefined()
    expect(fields.date).toBeUndefined()
  })
})

describe('the live scheduler’s plan', () => {
  const schedule = [
    { slug: 'past', instant: 100 },
    { slug: 'soon', instant: 200 },
    { slug: 'later', instant: 300 },
  ]

  it('is due for notes whose time came that the site does not serve yet, and wakes at the next instant', () => {
    expect(dueNotes(schedule, 200, new Set(['past'])).map((note) => note.slug)).toEqual(['soon'])
    expect(dueNotes(schedule, 200, new Set(['past', 'soon']))).toEqual([])
    expect(nextInstant(schedule, 200)).toBe(300)
    expect(nextInstant(schedule, 300)).toBeUndefined()
  })

  it('reads the schedule from the note files, so it survives a restart', async () => {
    const dir = tempDir('schedule-files')
    writeFileSync(path.join(dir, 'a.mdx'), noteSource(`draft: false\npublishAt: "${AT}"`))
    writeFileSync(path.join(dir, 'b.mdx'), noteSource(`draft: true\npublishAt: "${AT}"`))
    writeFileSync(path.join(dir, 'c.mdx'), noteSource('draft: false'))
    expect(await readSchedule(dir)).toEqual([{ slug: 'a', instant: Date.parse(AT) }])
    expect(await readSchedule(path.join(dir, 'missing'))).toEqual([])
  })
})

describe('the editor’s Schedule form', () => {
  const zone = process.env.TZ
  beforeEach(() => {
    process.env.TZ = 'Asia/Kolkata'
  })
  afterEach(() => {
    process.env.TZ = zone
    if (zone === undefined) delete process.env.TZ
  })

  it('stores the author’s local date and time as the UTC instant, dated the author’s day', async () => {
    const { scheduleChoice } = await import('@/lib/editor/schedule')
    expect(scheduleChoice('2026-12-04T02:00', Date.parse('2026-12-01T00:00:00Z'))).toEqual({ ok: true, publishAt: '2026-12-03T20:30:00.000Z', date: '2026-12-04' })
  })

  it('refuses an empty or past time with a message the author can act on', async () => {
    const { scheduleChoice } = await import('@/lib/editor/schedule')
    expect(scheduleChoice('', 0)).toEqual({ ok: false, error: 'Pick a date and a time.' })
    expect(scheduleChoice('2026-12-01T05:29', Date.parse('2026-12-01T00:00:00Z'))).toEqual({ ok: false, error: 'That time has passed: pick a later one, or Publish now.' })
  })

  it('says when, in the author’s zone, and what a static host needs', async () => {
    const { scheduleNotice } = await import('@/lib/editor/publish-notice')
    expect(scheduleNotice('2026-12-03T20:30:00.000Z', 'live', 'Fri, 4 Dec 2026, 02:00 GMT+5:30')).toBe(
      'Scheduled for Fri, 4 Dec 2026, 02:00 GMT+5:30: the site publishes it by itself then. Until then it is on no public page, list, feed, sitemap or search index.',
    )
    expect(scheduleNotice('2026-12-03T20:30:00.000Z', 'deploy', 'then')).toContain('This host shows it only after a build that runs after that time')
    const { describeInstant } = await import('@/lib/editor/schedule')
    expect(describeInstant('2026-12-03T20:30:00.000Z', 'UTC')).toBe('Thu, 3 Dec 2026, 20:30 UTC')
  })
})

describe('front matter written loosely still keeps a scheduled note out', () => {
  const at = Date.parse('2026-12-01T00:00:00Z')
  const fields = 'title: Later\ndate: 2026-12-03\nsummary: Soon.\npublishAt: "2026-12-03T09:00:00Z"\n'
  const forms = {
    'spaces after the opening ---': `--- \n${fields}---\nBody.\n`,
    'a tab after the opening ---': `---\t\n${fields}---\nBody.\n`,
    'a byte-order mark': `\uFEFF---\n${fields}---\nBody.\n`,
    'Windows line ends': `---\r\n${fields.replaceAll('\n', '\r\n')}---\r\nBody.\r\n`,
    'spaces after the closing ---': `---\n${fields}---  \nBody.\n`,
  }
  for (const [form, source] of Object.entries(forms)) {
    it(`with ${form}`, () => {
      expect(isDraftSource(source, at)).toBe(true)
      expect(isDraftSource(source, Date.parse('2026-12-03T09:00:00Z'))).toBe(false)
      expect(parseNoteFile(source).fields.publishAt).toBe('2026-12-03T09:00:00Z')
    })
  }

  it('and a note built before its time anyway stops the build, naming the field', () => {
    const note = { title: 'Later', date: '2026-12-03', publishAt: '2026-12-03T09:00:00Z', draft: false }
    expect(scheduleProblems(note, at)).toEqual([{ field: 'publishAt', message: expect.stringContaining('is still to come, yet the note was read as public') }])
    expect(scheduleProblems(note, Date.parse('2026-12-03T09:00:00Z'))).toEqual([])
    expect(scheduleProblems(note)).toEqual([])
  })
})
