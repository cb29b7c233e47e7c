import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import { FRONT_MATTER, opensForeignFrontMatter } from '@/lib/mdx/front-matter-syntax.mjs'
import type { NoteInput } from './schema'

export { FRONT_MATTER }

/**
 * The .mdx file for a note: front matter written by our code from the form fields (never taken
 * from the body), then the body. Keys in the order of the content model; absent fields omitted.
 */
export function serializeNote(note: NoteInput): string {
  const fields: Record<string, unknown> = { title: note.title }
  if (note.date) fields.date = note.date
  fields.summary = note.summary
  fields.tags = note.tags
  if (note.series) fields.series = note.series
  if (note.seriesOrder !== undefined) fields.seriesOrder = note.seriesOrder
  if (note.updated) fields.updated = note.updated
  if (note.doi) fields.doi = note.doi
  fields.draft = note.draft
  if (note.publishAt) fields.publishAt = note.publishAt
  // Strings are always quoted, so a title like "yes", "2021-01-01" or "a: b" stays a string.
  const yaml = stringifyYaml(fields, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })
  const body = note.body.endsWith('\n') || note.body === '' ? note.body : `${note.body}\n`
  return `---\n${yaml}---\n\n${body}`
}

export type ParsedNoteFile = { fields: Record<string, unknown>; body: string }

/**
 * Reads a note file written by hand or by the admin. Only plain YAML front matter: a `---js`
 * block (which gray-matter would evaluate) is refused.
 */
export function parseNoteFile(source: string): ParsedNoteFile {
  if (opensForeignFrontMatter(source)) throw new Error('Front matter must be plain YAML (`---`), not an executable block.')
  const match = FRONT_MATTER.exec(source)
  if (!match) return { fields: {}, body: source }
  // Dates stay strings (the YAML 1.2 core schema has no timestamp type).
  const fields = parseYaml(match[1], { schema: 'core' }) ?? {}
  if (typeof fields !== 'object' || Array.isArray(fields)) throw new Error('Front matter must be a list of fields.')
  return { fields: fields as Record<string, unknown>, body: source.slice(match[0].length).replace(/^\r?\n/, '') }
}
