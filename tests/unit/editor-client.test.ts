import { describe, expect, it } from 'vitest'
import { EMPTY_FIELDS, fieldsFromNote, noteFromFields, sameFields } from '@/lib/editor/fields'
import { clearLocalCopy, localCopyKey, readLocalCopy, writeLocalCopy } from '@/lib/editor/local-copy'
import { keepRestoreNotice, takeRestoreNotice } from '@/lib/editor/restore-notice'
import { savedAgo } from '@/lib/editor/saved-ago'

function memoryStorage(full = false) {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError')
      items.set(key, value)
    },
    removeItem: (key: string) => void items.delete(key),
  }
}

describe('editor fields', () => {
  it('turns the form into the note the server validates, leaving empty optional fields out', () => {
    const note = noteFromFields({ ...EMPTY_FIELDS, title: 'T', tags: ' CUDA, , PyTorch ', seriesOrder: '2', series: ' S ', body: 'b' })
    expect(note).toEqual({ title: 'T', summary: '', tags: ['CUDA', 'PyTorch'], series: 'S', seriesOrder: 2, date: undefined, updated: undefined, body: 'b' })
    // A part that is not a whole number goes to the server as typed, to be refused with its message.
    expect(noteFromFields({ ...EMPTY_FIELDS, seriesOrder: 'two' }).seriesOrder).toBe('two')
  })

  it('reads a note from the server back into form fields', () => {
    const fields = fieldsFromNote('streams', { title: 'Streams', tags: ['a', 'b'], seriesOrder: 3, body: 'x', date: '2021-01-01' })
    expect(fields).toEqual({ ...EMPTY_FIELDS, title: 'Streams', slug: 'streams', tags: 'a, b', seriesOrder: '3', body: 'x', date: '2021-01-01' })
    expect(sameFields(fields, { ...fields })).toBe(true)
    expect(sameFields(fields, { ...fields, body: 'y' })).toBe(false)
  })
})

describe('local copies', () => {
  it('keeps one copy per note until cleared; a note never saved is "new"', () => {
    const storage = memoryStorage()
    const copy = { fields: { ...EMPTY_FIELDS, body: 'typed offline' }, baseVersion: 'abc', savedAt: 1 }
    expect(localCopyKey(null)).toBe('note-editor:new')
    expect(writeLocalCopy(storage, localCopyKey('cuda'), copy)).toBe(true)
    expect(readLocalCopy(storage, localCopyKey('cuda'))).toEqual(copy)
    expect(readLocalCopy(storage, localCopyKey('other'))).toBeNull()
    clearLocalCopy(storage, localCopyKey('cuda'))
    expect(readLocalCopy(storage, localCopyKey('cuda'))).toBeNull()
  })

  it('ignores a corrupt copy and reports a full storage instead of throwing', () => {
    const storage = memoryStorage()
    storage.items.set('note-editor:x', '{not json')
    expect(readLocalCopy(storage, 'note-editor:x')).toBeNull()
    storage.items.set('note-editor:y', JSON.stringify({ savedAt: 'yesterday' }))
    expect(readLocalCopy(storage, 'note-editor:y')).toBeNull()
    expect(writeLocalCopy(memoryStorage(true), 'k', { fields: EMPTY_FIELDS, baseVersion: null, savedAt: 1 })).toBe(false)
  })
})

describe('savedAgo', () => {
  it('says how long ago in words an author reads at a glance', () => {
    expect(savedAgo(0, 2_000)).toBe('just now')
    expect(savedAgo(0, 10_000)).toBe('10 s ago')
    expect(savedAgo(0, 185_000)).toBe('3 min ago')
    expect(savedAgo(0, 2 * 3_600_000 + 5)).toBe('2 h ago')
    expect(savedAgo(10_000, 0)).toBe('just now') // a clock that moved back
  })
})

describe('editor sessions', () => {
  it('resume only from the version the page loaded, and are forgotten with their note', async () => {
    const { forgetSession, rememberSession, resumeSession } = await import('@/lib/editor/session')
    const session = { fields: EMPTY_FIELDS, saved: EMPTY_FIELDS, serverSlug: 'a', draft: true, version: 'v2', body: { focused: true, anchor: 3, head: 3 } }
    rememberSession('a', session)
    expect(resumeSession('a', 'v2')).toBe(session)
    expect(resumeSession('a', 'v1')).toBeNull() // the file changed elsewhere: start from the file
    expect(resumeSession('b', 'v2')).toBeNull()
    forgetSession('a')
    expect(resumeSession('a', 'v2')).toBeNull()
  })
})

describe('restore notice', () => {
  it('carries the restore’s message to the editor of that note, once', () => {
    const storage = memoryStorage()
    keepRestoreNotice(storage, 'streams', 'Restored the text of 2026-11-30 14:02 (abc1234).')
    expect(takeRestoreNotice(storage, 'other')).toBeNull()
    expect(takeRestoreNotice(storage, 'streams')).toBe('Restored the text of 2026-11-30 14:02 (abc1234).')
    expect(takeRestoreNotice(storage, 'streams')).toBeNull()
    expect(() => keepRestoreNotice(memoryStorage(true), 'streams', 'x')).not.toThrow()
  })
})
