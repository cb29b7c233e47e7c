import type { ParsedNoteFile } from './note-file'

const optional = (value: unknown) => (value === null || value === '' ? undefined : value)
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : optional(value))

/** A note file's fields and body in the shape the editor and `parseNoteInput` use. */
export function noteInputFromFile(note: ParsedNoteFile): Record<string, unknown> {
  const { fields } = note
  return {
    title: fields.title,
    summary: fields.summary ?? '',
    tags: fields.tags ?? [],
    series: optional(fields.series),
    seriesOrder: optional(fields.seriesOrder),
    date: day(fields.date),
    updated: day(fields.updated),
    doi: optional(fields.doi),
    // As the build reads it: published unless the file says `draft: true`.
    draft: fields.draft === true,
    publishAt: optional(fields.publishAt),
    body: note.body,
  }
}
