import 'server-only'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { scheduledInstant } from '@/lib/content/draft-files.mjs'
import { generatedContent } from '@/lib/content/generated'
import { settings } from '@/lib/settings'

/** A note the notes folder schedules, and when (ms). */
export type ScheduledNote = { slug: string; instant: number }

/**
 * Every scheduled note in the notes folder (a content remote's clone, if there is one), its time
 * past or to come. Read from the files each time: the schedule survives a restart or a kill -9
 * because it lives nowhere else.
 */
export async function readSchedule(notesDir = scheduledNotesDir()): Promise<ScheduledNote[]> {
  const names = await readdir(notesDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[]
    throw error
  })
  const notes: ScheduledNote[] = []
  for (const name of names.filter((file) => file.endsWith('.mdx'))) {
    const source = await readFile(path.join(notesDir, name), 'utf8').catch(() => null)
    const instant = source === null ? undefined : scheduledInstant(source)
    if (instant !== undefined) notes.push({ slug: name.slice(0, -'.mdx'.length), instant })
  }
  return notes
}

function scheduledNotesDir(): string {
  const { notesDir, contentRemote } = settings()
  return contentRemote?.notesDir ?? notesDir
}

/** The notes the public site serves now (the live content, or the build's). */
export function servedSlugs(): Set<string> {
  return new Set(generatedContent().allNotes.map((note) => note.slug))
}

/** Notes whose time has come by `at` that the public site does not serve yet: it must rebuild. */
export function dueNotes(schedule: ScheduledNote[], at: number, served: Set<string>): ScheduledNote[] {
  return schedule.filter((note) => note.instant <= at && !served.has(note.slug))
}

/** The next time after `at` a scheduled note becomes public; undefined when none waits. */
export function nextInstant(schedule: ScheduledNote[], at: number): number | undefined {
  const later = schedule.map((note) => note.instant).filter((instant) => instant > at)
  return later.length > 0 ? Math.min(...later) : undefined
}
