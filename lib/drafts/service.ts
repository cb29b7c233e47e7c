import 'server-only'
import { z } from 'zod'
import { parseNotebook } from '@/lib/notebooks/notebook'
import { notebookFields } from '@/lib/notebooks/to-mdx'
import { checkMdxPolicy, type PolicyProblem } from '@/lib/mdx/policy'
import { triggerDeploy, type DeployResult } from './deploy-hook'
import { parseNoteFile } from '@/lib/notes/note-file'
import { sitePublicDir } from './images'
import { noteImageFolder, noteImagesRoot } from './site-images'
import { settings } from '@/lib/settings'
import { missingImages } from './missing-images'
import { noteInputFromFile } from '@/lib/notes/note-input'
import { restoreSummary, type RestoreSummary } from './restore-summary'
import { parseNoteInput, type NoteInput } from '@/lib/notes/schema'
import { now } from '@/lib/content/clock.mjs'
import { isDayOfInstant, parseInstant, scheduledAfter } from '@/lib/notes/publish-at.mjs'
import { NoteStore, NoteStoreError } from './store'
import type { ShareLinks as ShareLinkStore } from './shares'
import { noteStore, shareStore } from './store-instance'

export type EditorErrorDetails = {
  errors?: Record<string, string>
  problems?: PolicyProblem[]
}

/** A refusal the editor shows as it is: a status, a sentence, and the fields or lines at fault. */
export class EditorError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 422,
    message: string,
    readonly details: EditorErrorDetails = {},
  ) {
    super(message)
  }
}

/** The share links of a note, revoked when the note leaves its slug. */
type ShareLinks = Pick<ShareLinkStore, 'revokeNote'>

const version = z.string().regex(/^[0-9a-f]{16}$/, 'is not a note version')

const saveRequest = z
  .object({
    version: version.nullable(),
    /** A new slug for a draft (its title changed); absent to keep the current one. */
    slug: z.string().optional(),
    /** false for autosaves: written to disk, committed with the next explicit save. */
    commit: z.boolean().default(true),
    note: z.record(z.string(), z.unknown()),
  })
  .strict()

function parseRequest<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  throw new EditorError(400, `The request is malformed (${where}${issue.message}).`)
}

/**
 * The note's fields, which must always be valid, and the problems in its body. A draft is saved
 * with them (the build never compiles drafts, and the preview refuses them): an unfinished formula
 * must not keep the author's work in one browser. Anything readers get must be clean.
 */
function checkedNote(input: Record<string, unknown>): { note: NoteInput; problems: PolicyProblem[] } {
  const result = parseNoteInput(input)
  if (!result.ok) throw new EditorError(422, 'Some fields need attention.', { errors: result.errors })
  return { note: result.note, problems: checkMdxPolicy(result.note.body) }
}

/** Readers only ever get a clean body: publishing, or updating a published note, needs one. */
function requireCleanBody({ note, problems }: { note: NoteInput; problems: PolicyProblem[] }, refusal: string): NoteInput {
  if (problems.length > 0) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`
    throw new EditorError(422, `The body has ${count}; ${refusal}`, { problems })
  }
  return note
}

/** A note as it may be stored: a draft with body problems, anything else clean. */
const storableNote = (input: Record<string, unknown>) => {
  const checked = checkedNote(input)
  return checked.note.draft ? checked.note : requireCleanBody(checked, 'fix it before readers get it.')
}

/** The series and part of every other note, notebooks included: what a new part may not repeat. */
async function seriesParts(store: NoteStore, ownSlugs: string[]): Promise<{ slug: string; series: unknown; part: unknown }[]> {
  const notes = await Promise.all(
    (await store.list()).filter((slug) => !ownSlugs.includes(slug)).map(async (slug) => ({ slug, fields: (await store.read(slug).catch(() => null))?.fields })),
  )
  const notebooks = (await store.notebooks()).flatMap(({ slug, file, text }) => {
    try {
      return [{ slug: `${slug} (notebook ${file})`, fields: notebookFields(parseNotebook(text)) as Record<string, unknown> }]
    } catch {
      return [] // an unreadable notebook fails the build on its own, naming itself
    }
  })
  return [...notes, ...notebooks].map(({ slug, fields }) => ({ slug, series: fields?.series, part: fields?.seriesOrder }))
}

/** Two notes may not claim the same part of a series (the build refuses it). */
async function checkSeriesPart(store: NoteStore, note: NoteInput, ownSlugs: string[]) {
  if (!note.series || note.seriesOrder === undefined) return
  const taken = (await seriesParts(store, ownSlugs)).find(({ series, part }) => series === note.series && part === note.seriesOrder)
  if (taken) {
    throw new EditorError(422, 'Some fields need attention.', {
      errors: { seriesOrder: `Part ${note.seriesOrder} of “${note.series}” is already the note “${taken.slug}”.` },
    })
  }
}

const today = () => new Date().toISOString().slice(0, 10)

/**
 * `updatesSite`: an explicit save of a published note, which readers should see. `created`: a new
 * note, so any share link left from an earlier note at its slug must go (the route revokes them).
 */
export type SaveResult = {
  slug: string
  version: string
  commit: string | null
  draft: boolean
  updatesSite: boolean
  created: boolean
  /** What stands between this draft and publishing it (saved all the same). */
  problems: PolicyProblem[]
}

/**
 * Saves what the editor sent. A new note (version null) starts as a draft; an existing note keeps
 * its published state (only publish/unpublish change it), and only a draft may change its slug.
 */
export async function saveNote(slug: string, body: unknown, store = noteStore(), shares?: ShareLinks): Promise<SaveResult> {
  const request = parseRequest(saveRequest, body)
  const current = request.version === null ? null : await store.read(slug)
  const draft = current ? current.fields.draft === true : true
  // Like `draft`, the schedule is the file's: only Schedule, Publish and Unpublish change it.
  const publishAt = current && !draft ? current.fields.publishAt : undefined
  // The file of a published note is what readers get at the next refresh or deploy: no autosaves.
  if (!draft && !request.commit) throw new EditorError(422, 'A published note is not autosaved: save it with Update, and readers see the change.')
  const { note, problems } = checkedNote({ ...request.note, draft, publishAt })
  if (!draft) requireCleanBody({ note, problems }, 'fix it before readers get it.')
  const target = request.slug ?? slug
  await checkSeriesPart(store, note, [slug, target])
  // An explicit save also commits the images pasted into the note (public/notes/<slug>/).
  const options = { commit: request.commit, alsoCommit: [noteImageFolder(target)] }
  // A note scheduled for later is on no public page yet: saving it changes nothing readers see.
  const updatesSite = !draft && request.commit && scheduledAfter({ publishAt }, now()) === undefined
  if (target === slug || request.version === null) {
    const saved = await store.save(target, note, request.version, options)
    return { slug: target, draft, updatesSite, created: request.version === null, problems, ...saved }
  }
  if (!draft) {
    throw new EditorError(422, 'A published note keeps its slug: its address is already public.', {
      errors: { slug: 'A published note keeps its slug. Unpublish it first to change the address.' },
    })
  }
  const saved = await store.rename(slug, target, note, request.version, options)
  await (shares ?? shareStore()).revokeNote(slug)
  await (shares ?? shareStore()).revokeNote(target)
  return { slug: target, draft, updatesSite, created: false, problems, ...saved }
}

export type PublishResult = { version: string; commit: string | null; draft: boolean; date?: string; deploy: DeployResult }

/**
 * Publishing sets `draft: false` (and today's date if there is none); unpublishing sets it back.
 * Either ends a schedule: a scheduled note published now is dated today, and one unscheduled
 * forgets the day it was to be published.
 */
export async function setPublished(slug: string, body: unknown, publish: boolean, store = noteStore()): Promise<PublishResult> {
  const request = parseRequest(z.object({ version }).strict(), body)
  const current = await store.read(slug)
  if (!current) throw new NoteStoreError('not-found', 'This note no longer exists.')
  const fields = noteInputFromFile(current)
  const waiting = scheduledAfter(current.fields, now()) !== undefined
  const note = publish
    ? requireCleanBody(checkedNote({ ...fields, draft: false, publishAt: undefined, date: waiting ? today() : (fields.date ?? today()) }), 'fix it to publish the note.')
    : storableNote({ ...fields, draft: true, publishAt: undefined, date: waiting ? undefined : fields.date })
  await checkSeriesPart(store, note, [slug])
  const saved = await store.save(slug, note, request.version, { message: `${publish ? 'Publish' : 'Unpublish'} note ${slug}`, alsoCommit: [noteImageFolder(slug)] })
  return { ...saved, draft: note.draft, date: note.date, deploy: await triggerDeploy() }
}

const scheduleRequest = z
  .object({
    version,
    /** The instant, as the editor turned the author's local date and time into UTC. */
    publishAt: z.string(),
    /** The author's own day of that instant (the note's date); its UTC day when absent. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a day like 2026-12-03').optional(),
  })
  .strict()

export type ScheduleResult = { version: string; commit: string | null; draft: false; publishAt: string; date: string }

/**
 * Schedules a draft (or moves a scheduled note's time): it stays off every public surface until
 * `publishAt`, when the build includes it (the live server's scheduler rebuilds then; a static
 * host at its next build). Checked as a publish is, now, since no one is there at that time. A
 * time that has passed is refused rather than published at once: it is more likely a slip (the
 * wrong day, AM for PM) than a wish, and Publish is there for now.
 */
export async function scheduleNote(slug: string, body: unknown, store = noteStore()): Promise<ScheduleResult> {
  const request = parseRequest(scheduleRequest, body)
  const instant = parseInstant(request.publishAt)
  if (instant === undefined) throw new EditorError(422, 'Some fields need attention.', { errors: { publishAt: 'Pick a date and a time.' } })
  if (instant <= now()) {
    throw new EditorError(422, 'That time has passed: pick a later one, or Publish to make the note public now.', {
      errors: { publishAt: 'That time has passed: pick a later one, or Publish now.' },
    })
  }
  const publishAt = new Date(instant).toISOString()
  const date = request.date ?? publishAt.slice(0, 10)
  if (!isDayOfInstant(date, instant)) throw new EditorError(400, 'The request is malformed (date: is not the day of publishAt).')
  const current = await store.read(slug)
  if (!current) throw new NoteStoreError('not-found', 'This note no longer exists.')
  if (current.fields.draft !== true && scheduledAfter(current.fields, now()) === undefined) {
    throw new EditorError(422, 'This note is already public: unpublish it first to schedule it.')
  }
  const fields = noteInputFromFile(current)
  const note = requireCleanBody(checkedNote({ ...fields, draft: false, publishAt, date }), 'fix it to schedule the note.')
  await checkSeriesPart(store, note, [slug])
  const saved = await store.save(slug, note, request.version, { message: `Schedule note ${slug} for ${publishAt}`, alsoCommit: [noteImageFolder(slug)] })
  return { ...saved, draft: false, publishAt, date }
}

export type RestoreResult = { version: string; commit: string | null; draft: boolean } & RestoreSummary

/**
 * Brings back a note as it was at a revision. An existing note keeps whether it is published;
 * a deleted one (version null) comes back as a draft, to be published again on purpose. The
 * result says which revision came back and which of its images the server no longer has.
 */
export async function restoreRevision(slug: string, body: unknown, store = noteStore()): Promise<RestoreResult> {
  const request = parseRequest(z.object({ version: version.nullable(), revision: z.string().regex(/^[0-9a-f]{40}$/, 'is not a revision id') }).strict(), body)
  const source = await store.sourceAt(slug, request.revision)
  const revision = await store.revision(request.revision)
  if (source === null || !revision) throw new EditorError(404, 'That revision does not have this note.')
  const current = request.version === null ? null : await store.read(slug)
  let restored: Record<string, unknown>
  try {
    restored = noteInputFromFile(parseNoteFile(source))
  } catch (error) {
    throw new EditorError(422, `That revision cannot be read: ${(error as Error).message}`)
  }
  // A published note stays published, keeping its date if the older text had none.
  const currentFields = current ? noteInputFromFile(current) : null
  const note = storableNote({ ...restored, draft: currentFields?.draft ?? true, publishAt: currentFields?.publishAt, date: currentFields?.publishAt ? currentFields.date : (restored.date ?? currentFields?.date) })
  const saved = await store.save(slug, note, request.version, { message: `Restore note ${slug} to ${request.revision.slice(0, 7)}`, alsoCommit: [noteImageFolder(slug)] })
  return { ...saved, draft: note.draft, ...restoreSummary(revision, await missingImages(note.body, sitePublicDir(), settings().contentRemote && noteImagesRoot())) }
}

/** Deletes a note and revokes its share links (a later note at this slug is another note). */
export async function deleteNote(slug: string, body: unknown, store = noteStore(), shares?: ShareLinks) {
  const request = parseRequest(z.object({ version }).strict(), body)
  const current = await store.read(slug)
  const wasPublished = current !== null && current.fields.draft !== true
  const deleted = await store.delete(slug, request.version)
  await (shares ?? shareStore()).revokeNote(slug)
  return { ...deleted, wasPublished }
}
