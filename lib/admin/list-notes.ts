import 'server-only'
import { getNotes } from '@/lib/content'
import { now } from '@/lib/content/clock.mjs'
import { scheduledAfter } from '@/lib/notes/publish-at.mjs'
import { noteStore, notesFolderFile } from '@/lib/drafts/store-instance'
import { parseNotebook } from '@/lib/notebooks/notebook'
import { notebookFields } from '@/lib/notebooks/to-mdx'
import type { AdminNoteRow } from './note-rows'

const asString = (value: unknown) => (typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : undefined)

/**
 * Every note file, drafts included, with its status: a published note that this build does not
 * serve yet (published in the admin since the last deploy) is "awaiting deploy".
 */
export async function listNotesForAdmin(): Promise<AdminNoteRow[]> {
  const store = noteStore()
  const live = new Set(getNotes().map((note) => note.slug))
  const at = now()
  // A note file or a notebook: published unless its fields say draft: true or schedule it for later.
  const row = (slug: string, fields: Record<string, unknown>, notebook?: string): AdminNoteRow => {
    const waitingUntil = scheduledAfter(fields, at)
    return {
      slug,
      title: asString(fields.title) ?? slug,
      status: fields.draft === true ? 'draft' : waitingUntil !== undefined ? 'scheduled' : live.has(slug) ? 'published' : 'awaiting-deploy',
      ...(waitingUntil !== undefined && { publishAt: new Date(waitingUntil).toISOString() }),
      date: asString(fields.date),
      updated: asString(fields.updated),
      tags: Array.isArray(fields.tags) ? fields.tags.map(String) : [],
      notebook,
    }
  }
  const unreadable = (slug: string, error: unknown, notebook?: string): AdminNoteRow => ({
    slug,
    title: slug,
    status: 'invalid',
    tags: [],
    problem: `${notebook ? `${notebook}: ` : ''}${(error as Error).message}`,
    notebook,
  })
  const rows: AdminNoteRow[] = []
  for (const slug of await store.list()) {
    try {
      const note = await store.read(slug)
      if (note) rows.push(row(slug, note.fields))
    } catch (error) {
      rows.push(unreadable(slug, error))
    }
  }
  for (const { slug, file, text } of await store.notebooks()) {
    const notebook = notesFolderFile(file)
    try {
      rows.push(row(slug, notebookFields(parseNotebook(text)), notebook))
    } catch (error) {
      rows.push(unreadable(slug, error, notebook))
    }
  }
  return rows.sort((a, b) => (b.updated ?? b.date ?? '9999').localeCompare(a.updated ?? a.date ?? '9999'))
}
