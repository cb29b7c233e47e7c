import { DOI_HINT, isDoi } from '../notes/doi'
import { isDayOfInstant, parseInstant, PUBLISH_AT_EXAMPLE } from '../notes/publish-at.mjs'

export type NoteFields = {
  title: string
  date?: string
  summary?: string
  draft?: boolean
  updated?: string
  series?: string
  seriesOrder?: number
  doi?: string
  /** When a scheduled note becomes public: an instant with a zone (lib/notes/publish-at.mjs). */
  publishAt?: string
  /** Set on notes generated from a notebook: problems name the notebook, not the generated file. */
  notebook?: string
  _raw: { sourceFilePath: string }
}

/** `line`: where in the file, when the check can tell. */
export type ContentProblem = { file: string; line?: number; field: string; message: string }

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/

/** True when a YYYY-MM-DD prefix names a real calendar day (2020-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DAY.exec(value)
  if (!match) return false
  const [year, month, day] = match.slice(1).map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Date values as written in a file's front matter, before any parser normalises them. */
export function frontMatterDates(source: string): Record<string, string> {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? ''
  const dates: Record<string, string> = {}
  for (const match of frontMatter.matchAll(/^(date|updated):[ \t]*['"]?([^'"\s#]+)/gm)) {
    dates[match[1]] = match[2]
  }
  return dates
}

/**
 * A scheduled note's `publishAt` is a real instant, and its `date` the day of it. With `builtAt`
 * (the instant a build left out the notes scheduled for later): a note built though its time is
 * still to come, whose front matter the schedule check could not read, stops the build rather
 * than go public early.
 */
export function scheduleProblems(note: { publishAt?: unknown; date?: string; draft?: boolean }, builtAt?: number): { field: string; message: string }[] {
  if (note.publishAt === undefined) return []
  const instant = parseInstant(note.publishAt)
  if (instant === undefined) {
    return [{ field: 'publishAt', message: `${JSON.stringify(note.publishAt)} is not an instant (write a day, a time and a zone, e.g. ${PUBLISH_AT_EXAMPLE})` }]
  }
  if (builtAt !== undefined && !note.draft && instant > builtAt) {
    return [{ field: 'publishAt', message: `(${note.publishAt}) is still to come, yet the note was read as public: start the file with a line holding only --- and plain YAML fields` }]
  }
  if (note.date && !isDayOfInstant(note.date, instant)) {
    return [{ field: 'date', message: `is not the day of publishAt (${note.publishAt}): a scheduled note is dated the day it becomes public` }]
  }
  return []
}

/**
 * Rules Contentlayer's per-field types cannot express: real calendar days, `updated` after `date`,
 * a well-formed DOI, series membership that is complete and unambiguous, and a schedule that names
 * a real instant.
 */
export function findContentProblems(
  notes: NoteFields[],
  readSource: (sourceFilePath: string) => string,
  builtAt?: number,
): ContentProblem[] {
  const problems: ContentProblem[] = []
  const seriesParts = new Map<string, Map<number, string>>()

  for (const note of notes) {
    const file = note.notebook ?? note._raw.sourceFilePath
    for (const [field, value] of Object.entries(frontMatterDates(readSource(note._raw.sourceFilePath)))) {
      if (!isCalendarDate(value)) {
        problems.push({ file, field, message: `"${value}" is not a real calendar date (use YYYY-MM-DD)` })
      }
    }
    if (!note.draft && !note.date) problems.push({ file, field: 'date', message: 'is required on a published note' })
    if (!note.draft && !note.summary?.trim()) problems.push({ file, field: 'summary', message: 'is required on a published note' })
    for (const problem of scheduleProblems(note, builtAt)) problems.push({ file, ...problem })
    if (note.updated && note.date && note.updated < note.date) {
      problems.push({ file, field: 'updated', message: 'is earlier than date' })
    }
    if (note.doi !== undefined && !isDoi(note.doi)) {
      problems.push({ file, field: 'doi', message: `"${note.doi}" ${DOI_HINT}` })
    }
    if (note.series && note.seriesOrder === undefined) {
      problems.push({ file, field: 'seriesOrder', message: `is required when series is set ("${note.series}")` })
    }
    if (note.seriesOrder !== undefined && !note.series) {
      problems.push({ file, field: 'series', message: 'is required when seriesOrder is set' })
    }
    if (note.series && note.seriesOrder !== undefined) {
      const parts = seriesParts.get(note.series) ?? new Map<number, string>()
      const clash = parts.get(note.seriesOrder)
      if (clash) {
        problems.push({
          file,
          field: 'seriesOrder',
          message: `${note.seriesOrder} is already used by ${clash} in series "${note.series}"`,
        })
      }
      parts.set(note.seriesOrder, file)
      seriesParts.set(note.series, parts)
    }
  }
  return problems
}

export function formatContentProblems(problems: ContentProblem[], contentDir: string): string {
  const lines = problems.map((p) => `  • ${contentDir}/${p.file}${p.line ? `:${p.line}` : ''}: field "${p.field}" ${p.message}`)
  return `Invalid content (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`
}

export type ProblemFields = { slug: string; _raw: { sourceFilePath: string } }

/** Two problem files that differ only in their order prefix would share one page address. */
export function findProblemSlugClashes(problems: ProblemFields[]): ContentProblem[] {
  const seen = new Map<string, string>()
  const clashes: ContentProblem[] = []
  for (const problem of problems) {
    const other = seen.get(problem.slug)
    if (other) clashes.push({ file: problem._raw.sourceFilePath, field: '(file name)', message: `gives the page /problems/${problem.slug}, as ${other} does: rename one` })
    else seen.set(problem.slug, problem._raw.sourceFilePath)
  }
  return clashes
}
