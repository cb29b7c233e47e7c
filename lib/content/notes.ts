import type { Heading } from './text'
import { slugify } from './text'

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
