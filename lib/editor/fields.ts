/** The editor form as the author types it: every field a string, as in the inputs. */
export type EditorFields = {
  title: string
  slug: string
  summary: string
  tags: string
  series: string
  seriesOrder: string
  date: string
  updated: string
  doi: string
  body: string
}

/** A note as the server sends it (lib/notes/note-input). */
export type ServerNote = {
  title?: unknown
  summary?: unknown
  tags?: unknown
  series?: unknown
  seriesOrder?: unknown
  date?: unknown
  updated?: unknown
  doi?: unknown
  draft?: unknown
  body?: unknown
}

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value))

export function fieldsFromNote(slug: string, note: ServerNote): EditorFields {
  return {
    title: text(note.title),
    slug,
    summary: text(note.summary),
    tags: Array.isArray(note.tags) ? note.tags.map(text).join(', ') : '',
    series: text(note.series),
    seriesOrder: text(note.seriesOrder),
    date: text(note.date),
    updated: text(note.updated),
    doi: text(note.doi),
    body: text(note.body),
  }
}

export const EMPTY_FIELDS: EditorFields = { title: '', slug: '', summary: '', tags: '', series: '', seriesOrder: '', date: '', updated: '', doi: '', body: '' }

/** The note fields the server validates; empty optional fields are left out, not sent as "". */
export function noteFromFields(fields: EditorFields) {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined)
  const order = fields.seriesOrder.trim()
  return {
    title: fields.title,
    summary: fields.summary,
    tags: fields.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    series: optional(fields.series),
    seriesOrder: order ? (/^\d+$/.test(order) ? Number(order) : order) : undefined,
    date: optional(fields.date),
    updated: optional(fields.updated),
    doi: optional(fields.doi),
    body: fields.body,
  }
}

export function sameFields(a: EditorFields, b: EditorFields): boolean {
  return (Object.keys(a) as (keyof EditorFields)[]).every((key) => a[key] === b[key])
}
