import { describe, expect, it } from 'vitest'
import { findContentProblems, formatContentProblems } from '@/lib/content/validate'
import { EMPTY_FIELDS, fieldsFromNote, noteFromFields } from '@/lib/editor/fields'
import { parseNoteFile, serializeNote } from '@/lib/notes/note-file'
import { noteInputFromFile } from '@/lib/notes/note-input'
import { parseNoteInput } from '@/lib/notes/schema'

const base = { title: 'T', summary: 's', tags: [], date: '2021-01-05', draft: false, body: 'Hello\n' }

describe('the doi field in the content build', () => {
  const source = (doi: string) => `---\ntitle: T\ndate: 2021-01-05\ndoi: ${doi}\n---\n`
  const check = (doi: string) =>
    findContentProblems([{ title: 'T', summary: 's', date: '2021-01-05T00:00:00.000Z', doi, _raw: { sourceFilePath: 'notes/a.mdx' } }], () => source(doi))

  it('accepts a DOI and a note without one', () => {
    expect(check('10.5281/zenodo.1234567')).toEqual([])
    expect(findContentProblems([{ title: 'T', summary: 's', date: '2021-01-05T00:00:00.000Z', _raw: { sourceFilePath: 'notes/a.mdx' } }], () => '')).toEqual([])
  })

  it('fails a malformed DOI, naming the file, the field and the value', () => {
    const problems = check('https://doi.org/10.5281/zenodo.1')
    expect(problems).toEqual([{ file: 'notes/a.mdx', field: 'doi', message: '"https://doi.org/10.5281/zenodo.1" must look like 10.1234/abc.5678, without https://doi.org/' }])
    expect(formatContentProblems(problems, 'content')).toContain('content/notes/a.mdx: field "doi" "https://doi.org/10.5281/zenodo.1" must look like')
    expect(check('')).toHaveLength(1)
  })
})

describe('the doi field in the editor and the save API', () => {
  it('is optional, trimmed, and refused when malformed', () => {
    const saved = parseNoteInput({ ...base, doi: ' 10.5555/abc ' })
    expect(saved.ok && saved.note.doi).toBe('10.5555/abc')
    expect(parseNoteInput(base).ok).toBe(true)
    const bad = parseNoteInput({ ...base, doi: 'doi:10.5555/abc' })
    expect(!bad.ok && bad.errors.doi).toBe('DOI must look like 10.1234/abc.5678, without https://doi.org/')
    const notText = parseNoteInput({ ...base, doi: 10.5555 })
    expect(!notText.ok && notText.errors.doi).toBe('DOI must be text')
  })

  it('is written to the front matter after the dates and read back into the form', () => {
    const saved = parseNoteInput({ ...base, updated: '2021-02-01', doi: '10.5555/abc' })
    if (!saved.ok) throw new Error('expected a valid note')
    const file = serializeNote(saved.note)
    expect(file).toContain('updated: "2021-02-01"\ndoi: "10.5555/abc"\ndraft: false\n')
    const input = noteInputFromFile(parseNoteFile(file))
    expect(input.doi).toBe('10.5555/abc')
    const fields = fieldsFromNote('a', input)
    expect(fields.doi).toBe('10.5555/abc')
    expect(noteFromFields(fields).doi).toBe('10.5555/abc')
    expect(parseNoteInput({ ...noteFromFields(fields), draft: false }).ok).toBe(true)
  })

  it('leaves an empty DOI out of the file', () => {
    expect(noteFromFields({ ...EMPTY_FIELDS, title: 'T', doi: '  ' }).doi).toBeUndefined()
    expect(noteInputFromFile(parseNoteFile('---\ntitle: T\ndoi: ""\n---\n')).doi).toBeUndefined()
    expect(serializeNote({ ...base, tags: [] })).not.toContain('doi')
  })
})
