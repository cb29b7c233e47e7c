import { z } from 'zod'
import { DOI_HINT, isDoi } from './doi'
import { isDayOfInstant, parseInstant, PUBLISH_AT_EXAMPLE } from './publish-at.mjs'

export const MAX_BODY_BYTES = 1_000_000

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2021-01-31')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  }, 'is not a real calendar date')

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/

const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, `${field} is longer than ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${field} contains control characters`)

const text = (field: string, max: number) => optionalText(field, max).refine((value) => value.length > 0, `${field} is required`)

/** What the editor sends for a note; the one schema for the server action and the store. */
export const noteInputSchema = z
  .object({
    title: text('Title', 200),
    // A draft may be saved before it has a summary; publishing needs one (refined below).
    summary: optionalText('Summary', 500).default(''),
    tags: z.array(text('A tag', 40)).max(20, 'at most 20 tags').default([]),
    series: text('Series', 120).optional(),
    seriesOrder: z.number().int().min(1).max(999).optional(),
    date: isoDay.optional(),
    updated: isoDay.optional(),
    doi: optionalText('DOI', 200).refine(isDoi, `DOI ${DOI_HINT}`).optional(),
    draft: z.boolean().default(true),
    // Set by Schedule: the note is a draft to readers until this instant (lib/content/draft-files.mjs).
    publishAt: z
      .string({ error: 'Scheduled time must be text' })
      .refine((value) => parseInstant(value) !== undefined, `Scheduled time must be an instant with a zone, like ${PUBLISH_AT_EXAMPLE}`)
      .optional(),
    body: z
      .string({ error: 'Body must be text' })
      .refine((value) => Buffer.byteLength(value, 'utf8') <= MAX_BODY_BYTES, 'Body is larger than 1 MB')
      .refine((value) => !value.includes('\u0000'), 'Body contains a NUL character'),
  })
  .strict()
  .refine((note) => Boolean(note.series) === (note.seriesOrder !== undefined), {
    message: 'Series and part go together: set both or neither',
    path: ['seriesOrder'],
  })
  .refine((note) => note.draft || Boolean(note.date), { message: 'A published note needs a date', path: ['date'] })
  .refine((note) => note.draft || note.summary.length > 0, { message: 'A published note needs a summary', path: ['summary'] })
  .refine((note) => !note.publishAt || !note.date || parseInstant(note.publishAt) === undefined || isDayOfInstant(note.date, parseInstant(note.publishAt)!), {
    message: 'A scheduled note is dated the day it becomes public: change the date, or schedule it again',
    path: ['date'],
  })
  .refine((note) => !note.updated || !note.date || note.updated >= note.date, {
    message: 'Updated is before the date',
    path: ['updated'],
  })

export type NoteInput = z.infer<typeof noteInputSchema>

export type InputResult = { ok: true; note: NoteInput } | { ok: false; errors: Record<string, string> }

/** Validates editor input; errors are keyed by field, with messages an author can act on. */
export function parseNoteInput(input: unknown): InputResult {
  const result = noteInputSchema.safeParse(input)
  if (result.success) return { ok: true, note: result.data }
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'note')
    errors[key] ??= issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys.join(', ')}` : issue.message
  }
  return { ok: false, errors }
}
