import 'server-only'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { plainHeadingText, type Heading } from '@/lib/notes/text'
import { settings } from '@/lib/settings'
import { CV_FILE, findCvProblems, toCv, type Cv } from './cv'
import { generatedContent } from './generated'
import {
  adjacentNotes,
  backlinks,
  countTags,
  groupSeries,
  newestFirst,
  notesWithTag,
  toSummary,
  withoutDrafts,
  type NoteDocument,
  type NoteSummary,
} from './notes'
import { findContentProblems, formatContentProblems } from './validate'

export type { NoteSummary, Series, TagCount } from './notes'
export { seriesPosition } from './notes'
export type { Heading } from '@/lib/notes/text'
export type { Cv, CvLink, Education, Experience, Publication } from './cv'
export { formatSpan } from './cv'

/** `notebookUrl`: where to download the notebook a note was generated from. */
export type Note = NoteSummary & { headings: Heading[]; code: string; notebookUrl?: string; doi?: string }

export type Profile = {
  name: string
  role: string
  employer: string
  avatar: string
  avatarAlt: string
  obfuscatedEmail: string
  cvAsOf: string
  /** The "About me" body as plain text (structured data, the CV's summary). */
  about: string
  code: string
}

/**
 * `code`, `url` (its own page) and `description` (plain text of the body) are set only when the
 * entry has a description beyond its title.
 */
export type Problem = { title: string; order: number; slug: string; url?: string; code?: string; description?: string }

// `contentlayer2 build` fails on these; its watcher in `npm run dev` only logs them, so the dev
// server shows them instead of rendering an impossible date.
if (process.env.NODE_ENV === 'development') {
  const { contentDir, contentDirName } = settings()
  const readSource = (file: string) => readFileSync(path.join(contentDir, file), 'utf8')
  const cvFile = path.join(contentDir, CV_FILE)
  const cvProblems = existsSync(cvFile) ? findCvProblems(readFileSync(cvFile, 'utf8')) : []
  const problems = [...findContentProblems(generatedContent().allNotes, readSource), ...cvProblems]
  if (problems.length > 0) throw new Error(formatContentProblems(problems, contentDirName))
}

type Published = { id: string; notes: NoteDocument[]; summaries: NoteSummary[]; referrers: Map<string, NoteSummary[]> }

let published: Published | undefined

/**
 * Drafts are removed here, once per version of the content, so no page, list, feed or index can
 * reach them. The build refuses a published note without a date or summary (validate.ts), so what
 * is left has both.
 */
function publishedContent(): Published {
  const content = generatedContent()
  if (published?.id !== content.id) {
    const notes = newestFirst(withoutDrafts(content.allNotes) as NoteDocument[])
    const referrers = backlinks(notes.map((note) => ({ ...toSummary(note), source: note.body.raw })))
    published = { id: content.id, notes, summaries: notes.map(toSummary), referrers }
  }
  return published
}

const publishedNotes = () => publishedContent().notes
const publishedSummaries = () => publishedContent().summaries

/** Names the version of the published content; it changes when a live refresh publishes. */
export function contentVersion(): string {
  return publishedContent().id
}

export function getNotes(): NoteSummary[] {
  return publishedSummaries()
}

export function getLatestNotes(count: number): NoteSummary[] {
  return publishedSummaries().slice(0, count)
}

export function getNote(slug: string): Note | undefined {
  const note = publishedNotes().find((candidate) => candidate.slug === slug)
  if (!note) return undefined
  const notebookUrl = note.notebook ? `/notebooks/${note.slug}/${path.basename(note.notebook)}` : undefined
  return { ...toSummary(note), headings: note.headings, code: note.body.code, notebookUrl, doi: note.doi }
}

/** The published notes that link to this one ("referenced by"), newest first. */
export function getBacklinks(slug: string): NoteSummary[] {
  return publishedContent().referrers.get(slug) ?? []
}

/** The MDX source of a published note's body, for renderers other than the page (feeds). */
export function getNoteSource(slug: string): string | undefined {
  return publishedNotes().find((candidate) => candidate.slug === slug)?.body.raw
}

export function getAdjacentNotes(slug: string) {
  return adjacentNotes(publishedSummaries(), slug)
}

export function getTags() {
  return countTags(publishedSummaries())
}

export function getTag(slug: string) {
  const tag = getTags().find((candidate) => candidate.slug === slug)
  if (!tag) return undefined
  return { ...tag, notes: notesWithTag(publishedSummaries(), slug) }
}

export function getAllSeries() {
  return groupSeries(publishedSummaries())
}

export function getSeries(slug: string) {
  return getAllSeries().find((series) => series.slug === slug)
}

export function getSeriesOf(note: NoteSummary) {
  return note.series ? getAllSeries().find((series) => series.title === note.series) : undefined
}

/** The series as it would be with `note` in it: the admin preview of a draft part. */
export function getSeriesWith(note: NoteSummary) {
  if (!note.series) return undefined
  const others = publishedSummaries().filter((other) => other.slug !== note.slug)
  return groupSeries([...others, note]).find((series) => series.title === note.series)
}

export function getProfile(): Profile {
  const { name, role, employer, avatar, avatarAlt, obfuscatedEmail, cvAsOf, body } = generatedContent().profile
  const about = plainHeadingText(body.raw.replace(/\s+/g, ' '))
  return { name, role, employer, avatar, avatarAlt, obfuscatedEmail, cvAsOf, about, code: body.code }
}

export function getProblems(): Problem[] {
  return [...generatedContent().allProblems]
    .sort((a, b) => a.order - b.order)
    .map(({ title, order, slug, body }) => {
      if (body.raw.trim() === '') return { title, order, slug }
      return { title, order, slug, url: `/problems/${slug}`, code: body.code, description: plainHeadingText(body.raw.replace(/\s+/g, ' ')) }
    })
}

type DescribedProblem = Required<Problem>

/** A problem with a page of its own: only those with a description have one. */
export function getProblem(slug: string): DescribedProblem | undefined {
  return getDescribedProblems().find((candidate) => candidate.slug === slug)
}

export function getDescribedProblems(): DescribedProblem[] {
  return getProblems().filter((problem): problem is DescribedProblem => problem.url !== undefined)
}

/** The CV's optional sections; each is empty until the author fills it in (content/cv.yaml). */
export function getCv(): Cv {
  return toCv(generatedContent().allCvs?.[0])
}
