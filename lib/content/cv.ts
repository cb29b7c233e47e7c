import { LineCounter, parseDocument } from 'yaml'
import { z } from 'zod'
import type { ContentProblem } from './validate'

/** The CV's optional sections (content/cv.yaml); the rest of the CV comes from the profile. */
export const CV_FILE = 'cv.yaml'
export const CV_SECTIONS = ['links', 'experience', 'education', 'skills', 'publications'] as const

const YEAR_OR_MONTH = /^\d{4}(-(0[1-9]|1[0-2]))?$/

const text = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty')

// YAML reads `2019` as a number and `2019-06` as text: both are periods.
const period = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string({ error: 'must be a year (2019) or a year and month (2019-06)' }).regex(YEAR_OR_MONTH, 'must be a year (2019) or a year and month (2019-06)'),
)

const webAddress = z
  .string({ error: 'must be a web address' })
  .refine((value) => /^https?:\/\/\S+$/.test(value) && URL.canParse(value), 'must be a web address starting with https:// or http://')

/** `end` may not come before `start`; periods compare as text (2019 < 2019-06 < 2020). */
function endNotBeforeStart(entry: { start?: string; end?: string }, context: z.RefinementCtx) {
  if (entry.start && entry.end && entry.end < entry.start.slice(0, entry.end.length)) {
    context.addIssue({ code: 'custom', path: ['end'], message: `is earlier than start (${entry.start})` })
  }
}

const link = z.strictObject({ label: text, url: webAddress })

const experience = z
  .strictObject({ role: text, organisation: text, start: period, end: period.optional(), location: text.optional(), summary: text.optional() })
  .superRefine(endNotBeforeStart)

const education = z
  .strictObject({ degree: text, institution: text, start: period.optional(), end: period.optional(), location: text.optional(), summary: text.optional() })
  .superRefine(endNotBeforeStart)

const publication = z.strictObject({ title: text, year: period, authors: text.optional(), venue: text.optional(), url: webAddress.optional() })

// An empty key (`skills:` and nothing after it) is an empty section.
const section = <T extends z.ZodType>(entry: T) =>
  z.preprocess((value) => value ?? [], z.array(entry, { error: 'must be a list (each entry on a line starting with "- ")' }))

export const cvSchema = z.strictObject({
  links: section(link),
  experience: section(experience),
  education: section(education),
  skills: section(text),
  publications: section(publication),
})

export type Cv = z.infer<typeof cvSchema>
export type CvLink = Cv['links'][number]
export type Experience = Cv['experience'][number]
export type Education = Cv['education'][number]
export type Publication = Cv['publications'][number]

export const EMPTY_CV: Cv = { links: [], experience: [], education: [], skills: [], publications: [] }

/** `experience[1].start`: the path of a value in the file, entries counted from 0. */
function fieldName(path: PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`)).join('')
}

function issueMessage(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string }[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...issue.path, key], message: 'is not a field the CV knows (see "The CV" in the README)' }))
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return [{ path: issue.path, message: 'is required' }]
  return [{ path: issue.path, message: issue.message }]
}

/**
 * Every problem in the CV file's text, each naming the field and its line; nothing when it is valid.
 * The file is read with the YAML parser Contentlayer uses, so both see the same values.
 */
export function findCvProblems(source: string, file: string = CV_FILE): ContentProblem[] {
  const lineCounter = new LineCounter()
  const document = parseDocument(source, { lineCounter })
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({ file, line: error.linePos?.[0].line, field: '(file)', message: `is not valid YAML: ${error.message.split('\n')[0]}` }))
  }
  const result = cvSchema.safeParse(document.toJS() ?? {}, { reportInput: true })
  if (result.success) return []
  // A missing field has no line of its own: its entry's is given.
  const lineOf = (path: PropertyKey[]): number | undefined => {
    const node = document.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined
    if (node?.range) return lineCounter.linePos(node.range[0]).line
    return path.length > 0 ? lineOf(path.slice(0, -1)) : undefined
  }
  return result.error.issues
    .flatMap(issueMessage)
    .map(({ path, message }) => ({ file, line: lineOf(path), field: fieldName(path), message }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

/** The CV's sections from the built content (already checked by the build); empty ones when there is no file. */
export function toCv(fields: Partial<Record<(typeof CV_SECTIONS)[number], unknown>> | undefined): Cv {
  if (!fields) return EMPTY_CV
  return cvSchema.parse(Object.fromEntries(CV_SECTIONS.map((key) => [key, fields[key]])))
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

/** "Jun 2019" for 2019-06, "2019" for 2019. */
export function formatPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number)
  return month ? monthFormat.format(new Date(Date.UTC(year, month - 1, 1))) : String(year)
}

/** "Jun 2019 – present", "2014 – 2018", "2018"; undefined when neither end is given. */
export function formatSpan(start: string | undefined, end: string | undefined, open = false): string | undefined {
  if (!start) return end ? formatPeriod(end) : undefined
  if (!end) return open ? `${formatPeriod(start)} – present` : formatPeriod(start)
  return start === end ? formatPeriod(start) : `${formatPeriod(start)} – ${formatPeriod(end)}`
}
