import { describe, expect, it } from 'vitest'
import {
  adjacentNotes,
  backlinks,
  linkedSlugs,
  countTags,
  groupSeries,
  newestFirst,
  notesWithTag,
  toSummary,
  withoutDrafts,
  type NoteDocument,
  type NoteSummary,
} from '@/lib/content/notes'

function note(overrides: Partial<NoteDocument> & { slug: string }): NoteDocument {
  return {
    url: `/notes/${overrides.slug}`,
    title: overrides.slug,
    summary: 'summary',
    date: '2021-01-01T00:00:00.000Z',
    tags: [],
    readingMinutes: 1,
    wordCount: 100,
    draft: false,
    headings: [],
    body: { code: 'compiled', raw: 'raw' },
    ...overrides,
  }
}

describe('withoutDrafts', () => {
  it('drops every note marked draft', () => {
    const notes = [note({ slug: 'a' }), note({ slug: 'b', draft: true }), note({ slug: 'c' })]
    expect(withoutDrafts(notes).map((n) => n.slug)).toEqual(['a', 'c'])
  })
})

describe('newestFirst', () => {
  it('sorts by date descending, then by title, without mutating its input', () => {
    const notes = [
      note({ slug: 'old', date: '2020-12-01T00:00:00.000Z' }),
      note({ slug: 'b-new', title: 'B', date: '2021-03-01T00:00:00.000Z' }),
      note({ slug: 'a-new', title: 'A', date: '2021-03-01T00:00:00.000Z' }),
    ]
    expect(newestFirst(notes).map((n) => n.slug)).toEqual(['a-new', 'b-new', 'old'])
    expect(notes[0].slug).toBe('old')
  })
})

describe('toSummary', () => {
  it('carries no body, so lists never ship full notes', () => {
    const summary = toSummary(note({ slug: 'a' })) as NoteSummary & { body?: unknown; headings?: unknown }
    expect(summary.body).toBeUndefined()
    expect(summary.headings).toBeUndefined()
    expect(summary.slug).toBe('a')
  })
})

describe('tags', () => {
  const notes = [
    note({ slug: 'a', tags: ['CUDA', 'Deep Learning'] }),
    note({ slug: 'b', tags: ['cuda'] }),
    note({ slug: 'c', tags: ['PyTorch'] }),
  ]

  it('counts tags case-insensitively by slug, most used first', () => {
    expect(countTags(notes)).toEqual([
      { tag: 'CUDA', slug: 'cuda', count: 2 },
      { tag: 'Deep Learning', slug: 'deep-learning', count: 1 },
      { tag: 'PyTorch', slug: 'pytorch', count: 1 },
    ])
  })

  it('finds the notes of a tag slug', () => {
    expect(notesWithTag(notes, 'cuda').map((n) => n.slug)).toEqual(['a', 'b'])
    expect(notesWithTag(notes, 'deep-learning').map((n) => n.slug)).toEqual(['a'])
  })
})

describe('groupSeries', () => {
  it('orders parts by seriesOrder whatever their dates', () => {
    const notes = [
      note({ slug: 'part-2', series: 'PyTorch basics', seriesOrder: 2, date: '2020-01-01T00:00:00.000Z' }),
      note({ slug: 'part-1', series: 'PyTorch basics', seriesOrder: 1, date: '2021-01-01T00:00:00.000Z' }),
      note({ slug: 'alone' }),
    ]
    expect(groupSeries(notes)).toEqual([
      expect.objectContaining({ title: 'PyTorch basics', slug: 'pytorch-basics', parts: [notes[1], notes[0]] }),
    ])
  })
})

describe('adjacentNotes', () => {
  const sorted = [note({ slug: 'newest' }), note({ slug: 'middle' }), note({ slug: 'oldest' })]

  it('gives the newer and older neighbours', () => {
    const { newer, older } = adjacentNotes(sorted, 'middle')
    expect(newer?.slug).toBe('newest')
    expect(older?.slug).toBe('oldest')
  })

  it('has no neighbour past either end, or for an unknown slug', () => {
    expect(adjacentNotes(sorted, 'newest').newer).toBeUndefined()
    expect(adjacentNotes(sorted, 'oldest').older).toBeUndefined()
    expect(adjacentNotes(sorted, 'missing')).toEqual({ newer: undefined, older: undefined })
  })
})

describe('backlinks', () => {
  const note = (slug: string, date: string, source: string) => ({
    slug,
    url: `/notes/${slug}`,
    title: slug,
    summary: '',
    date,
    tags: [],
    readingMinutes: 1,
    wordCount: 1,
    source,
  })

  it('lists the notes linking to a note, newest first, in any link form, never itself', () => {
    const referrers = backlinks([
      note('a', '2021-01-01', 'See [b](/notes/b#part) and [self](/notes/a).'),
      note('b', '2021-02-01', '[a][ref]\n\n[ref]: https://example.com/notes/a/'),
      note('c', '2021-03-01', '<Figure caption="x" href="/notes/a" /> and [gone](/notes/missing) and /notes/a in prose'),
    ])
    expect(referrers.get('a')?.map((n) => n.slug)).toEqual(['c', 'b'])
    expect(referrers.get('b')?.map((n) => n.slug)).toEqual(['a'])
    expect(referrers.has('missing')).toBe(false)
  })

  it('finds the linked slugs in a note’s source', () => {
    expect(linkedSlugs('x', '[1](/notes/y) [2](/notes/y) [3](/notes/z-2)')).toEqual(['y', 'z-2'])
  })
})
