import { describe, expect, it } from 'vitest'
import { findContentProblems, formatContentProblems, frontMatterDates, isCalendarDate, type NoteFields } from '@/lib/content/validate'

describe('isCalendarDate', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isCalendarDate('2020-12-01')).toBe(true)
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2023-02-29')).toBe(false)
    expect(isCalendarDate('2020-02-30')).toBe(false)
    expect(isCalendarDate('2020-13-01')).toBe(false)
    expect(isCalendarDate('01/12/2020')).toBe(false)
  })
})

describe('frontMatterDates', () => {
  it('reads date and updated exactly as written', () => {
    const source = "---\ntitle: x\ndate: 2020-02-30\nupdated: '2021-01-01'\n---\ndate: 1999-01-01 in the body\n"
    expect(frontMatterDates(source)).toEqual({ date: '2020-02-30', updated: '2021-01-01' })
  })
})

describe('findContentProblems', () => {
  const file = (name: string, dates = 'date: 2021-01-01') => ({ [name]: `---\n${dates}\n---\n` })
  const base = { title: 't', summary: 's', date: '2021-01-01T00:00:00.000Z' }

  function check(notes: NoteFields[], sources: Record<string, string>) {
    return findContentProblems(notes, (path) => sources[path])
  }

  it('accepts a valid note and a complete series', () => {
    const notes = [
      { ...base, series: 'S', seriesOrder: 1, _raw: { sourceFilePath: 'notes/a.mdx' } },
      { ...base, series: 'S', seriesOrder: 2, _raw: { sourceFilePath: 'notes/b.mdx' } },
    ]
    expect(check(notes, { ...file('notes/a.mdx'), ...file('notes/b.mdx') })).toEqual([])
  })

  it('names the notebook, not the generated file, for a note made from a notebook', () => {
    const notes = [
      { ...base, series: 'S', seriesOrder: 1, _raw: { sourceFilePath: 'notes/a.mdx' } },
      { ...base, series: 'S', seriesOrder: 1, notebook: 'notes/nb.ipynb', _raw: { sourceFilePath: '_generated/notebooks/nb.mdx' } },
    ]
    expect(check(notes, { ...file('notes/a.mdx'), ...file('_generated/notebooks/nb.mdx') })).toEqual([
      { file: 'notes/nb.ipynb', field: 'seriesOrder', message: '1 is already used by notes/a.mdx in series "S"' },
    ])
  })

  it('lets a draft go without a date or summary, but not a published note', () => {
    const draft = { title: 't', draft: true, _raw: { sourceFilePath: 'notes/d.mdx' } }
    const published = { title: 't', summary: ' ', _raw: { sourceFilePath: 'notes/p.mdx' } }
    expect(check([draft, published], { 'notes/d.mdx': '---\n---\n', 'notes/p.mdx': '---\n---\n' })).toEqual([
      { file: 'notes/p.mdx', field: 'date', message: 'is required on a published note' },
      { file: 'notes/p.mdx', field: 'summary', message: 'is required on a published note' },
    ])
  })

  it('names the file and field of an impossible date', () => {
    const notes = [{ ...base, _raw: { sourceFilePath: 'notes/a.mdx' } }]
    expect(check(notes, file('notes/a.mdx', 'date: 2021-02-30'))).toEqual([
      { file: 'notes/a.mdx', field: 'date', message: '"2021-02-30" is not a real calendar date (use YYYY-MM-DD)' },
    ])
  })

  it('flags updated before date, and half-set or clashing series fields', () => {
    const notes = [
      { ...base, updated: '2020-01-01T00:00:00.000Z', _raw: { sourceFilePath: 'notes/a.mdx' } },
      { ...base, series: 'S', _raw: { sourceFilePath: 'notes/b.mdx' } },
      { ...base, seriesOrder: 3, _raw: { sourceFilePath: 'notes/c.mdx' } },
      { ...base, series: 'T', seriesOrder: 1, _raw: { sourceFilePath: 'notes/d.mdx' } },
      { ...base, series: 'T', seriesOrder: 1, _raw: { sourceFilePath: 'notes/e.mdx' } },
    ]
    const sources = Object.assign({}, ...['a', 'b', 'c', 'd', 'e'].map((n) => file(`notes/${n}.mdx`)))
    expect(check(notes, sources).map((p) => `${p.file}:${p.field}`)).toEqual([
      'notes/a.mdx:updated',
      'notes/b.mdx:seriesOrder',
      'notes/c.mdx:series',
      'notes/e.mdx:seriesOrder',
    ])
  })
})

describe('formatContentProblems', () => {
  it('lists every problem with its path and field', () => {
    const text = formatContentProblems([{ file: 'notes/a.mdx', field: 'date', message: 'is wrong' }], 'content')
    expect(text).toBe('Invalid content (1 problem):\n  • content/notes/a.mdx: field "date" is wrong')
  })
})
