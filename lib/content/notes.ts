import type { Heading } from '@/lib/notes/text'
import { slugify } from '@/lib/notes/text'

/** What lists, cards and feeds need of a note: everything but the compiled body. */
export type NoteSummary = {
  slug: string
  url: string
  title: string
  summary: string
  date: string
  updated?: string
  tags: string[]
  series?: string
  seriesOrder?: number
  readingMinutes: number
  wordCount: number
}

export type NoteDocument = NoteSummary & {
  draft: boolean
  /** A note generated from a notebook: the notebook's path in the content folder. */
  notebook?: string
  doi?: string
  headings: Heading[]
  body: { code: string; raw: string }
}

export type TagCount = { tag: string; slug: string; count: number }

export type Series = {
  title: string
  slug: string
  parts: NoteSummary[]
}

export function toSummary(note: NoteDocument): NoteSummary {
  return {
    slug: note.slug,
    url: note.url,
    title: note.title,
    summary: note.summary,
    date: note.date,
    updated: note.updated,
    tags: note.tags,
    series: note.series,
    seriesOrder: note.seriesOrder,
    readingMinutes: note.readingMinutes,
    wordCount: note.wordCount,
  }
}

export function withoutDrafts<T extends { draft: boolean }>(notes: T[]): T[] {
  return notes.filter((note) => !note.draft)
}

/** Newest first; notes published the same day fall back to title order so the list is stable. */
export function newestFirst<T extends Pick<NoteSummary, 'date' | 'title'>>(notes: T[]): T[] {
  return [...notes].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title))
}

export function tagSlug(tag: string): string {
  return slugify(tag)
}

export function countTags(notes: NoteSummary[]): TagCount[] {
  const counts = new Map<string, TagCount>()
  for (const note of notes) {
    for (const tag of note.tags) {
      const slug = tagSlug(tag)
      const entry = counts.get(slug) ?? { tag, slug, count: 0 }
      entry.count += 1
      counts.set(slug, entry)
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
}

export function notesWithTag(notes: NoteSummary[], slug: string): NoteSummary[] {
  return notes.filter((note) => note.tags.some((tag) => tagSlug(tag) === slug))
}

/** Every series with its parts in reading order (seriesOrder ascending). */
export function groupSeries(notes: NoteSummary[]): Series[] {
  const bySlug = new Map<string, Series>()
  for (const note of notes) {
    if (!note.series) continue
    const slug = slugify(note.series)
    const series = bySlug.get(slug) ?? { title: note.series, slug, parts: [] }
    series.parts.push(note)
    bySlug.set(slug, series)
  }
  for (const series of bySlug.values()) {
    series.parts.sort((a, b) => (a.seriesOrder ?? 0) - (b.seriesOrder ?? 0))
  }
  return [...bySlug.values()].sort((a, b) => a.title.localeCompare(b.title))
}

/** Neighbours in the newest-first list: `newer` is the next note published, `older` the previous one. */
export function adjacentNotes(sorted: NoteSummary[], slug: string) {
  const index = sorted.findIndex((note) => note.slug === slug)
  if (index === -1) return { newer: undefined, older: undefined }
  return { newer: sorted[index - 1], older: sorted[index + 1] }
}

// Links to a note as authors write them: /notes/slug, with an optional #heading or trailing slash,
// in Markdown links, link definitions and href props (absolute URLs of this site included).
const NOTE_LINK = /(?:\]\(|\]:\s*|href=["'])(?:https?:\/\/[^/\s"')]+)?\/notes\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?(?=[#)"'\s]|$)/g

/** The slugs of the notes a note's source links to (itself excluded), in order of first link. */
export function linkedSlugs(slug: string, source: string): string[] {
  const found = new Set<string>()
  for (const match of source.matchAll(NOTE_LINK)) if (match[1] !== slug) found.add(match[1])
  return [...found]
}

function toSummaryOnly(note: NoteSummary & { source: string }): NoteSummary {
  return Object.fromEntries(Object.entries(note).filter(([key]) => key !== 'source')) as NoteSummary
}

/**
 * "Referenced by": for each note, the notes that link to it, newest first. Only the notes given
 * count, so pass published notes: a draft's links must not show on a public page.
 */
export function backlinks(notes: (NoteSummary & { source: string })[]): Map<string, NoteSummary[]> {
  const bySlug = new Map(notes.map((note) => [note.slug, note]))
  const referrers = new Map<string, NoteSummary[]>()
  for (const note of newestFirst(notes)) {
    for (const target of linkedSlugs(note.slug, note.source)) {
      if (!bySlug.has(target)) continue
      referrers.set(target, [...(referrers.get(target) ?? []), toSummaryOnly(note)])
    }
  }
  return referrers
}

/** Where a note sits in its series: position, neighbours, and how far through the reader is. */
export function seriesPosition(series: Series, slug: string) {
  const index = series.parts.findIndex((part) => part.slug === slug)
  return {
    part: index + 1,
    total: series.parts.length,
    previous: index > 0 ? series.parts[index - 1] : undefined,
    next: index >= 0 ? series.parts[index + 1] : undefined,
  }
}
