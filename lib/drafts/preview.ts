import 'server-only'
import type { NoteSummary } from '@/lib/content'
import { checkNoteBody, type PolicyProblem } from '@/lib/mdx/policy'
import { CompileError, compileNoteBody } from '@/lib/mdx/preview-compiler'
import type { NoteInput } from '@/lib/notes/schema'
import { countWords, extractHeadings, readingMinutes, type Heading } from '@/lib/notes/text'
import { splitIntoBlocks } from './preview-blocks'

/** The compiled body: one module, or one per top-level block, rendered in order. */
export type CompiledDraft = { ok: true; codes: string[]; headings: Heading[]; ms: number } | { ok: false; problems: PolicyProblem[] }

/**
 * A drafted body compiled for display: checked against the MDX policy first (nothing else is ever
 * compiled), then compiled with the build's pipeline under a time limit, block by block when the
 * blocks stand alone (only the changed ones cost anything).
 */
export async function compileDraft(body: string): Promise<CompiledDraft> {
  const { problems, tree } = checkNoteBody(body)
  if (problems.length > 0 || !tree) return { ok: false, problems }
  const started = performance.now()
  const blocks = splitIntoBlocks(body, tree)
  try {
    const codes = await compileNoteBody(blocks ? { blocks } : { source: body })
    return { ok: true, codes, headings: extractHeadings(body), ms: Math.round(performance.now() - started) }
  } catch (error) {
    if (!(error instanceof CompileError)) throw error
    // A block's error counts lines from the block; the whole body gives the author's line numbers.
    const whole = blocks ? await compileNoteBody({ source: body }).then(() => null, (failure: Error) => failure) : null
    const { message } = whole ?? error
    // Anchored at the start of a run of digits: tried inside a long run, it would rescan the run.
    const [, line, column] = /(?:^|\D)(\d+):(\d+)/.exec(message) ?? []
    return { ok: false, problems: [{ line: Number(line ?? 1), column: Number(column ?? 1), message }] }
  }
}

/** What the note's header, series box and meta need, for a note that is not built yet. */
export function draftSummary(slug: string, note: Omit<NoteInput, 'draft'>): NoteSummary {
  const words = countWords(note.body)
  return {
    slug,
    url: `/notes/${slug}`,
    title: note.title,
    summary: note.summary,
    date: note.date ?? new Date().toISOString().slice(0, 10),
    updated: note.updated,
    tags: note.tags,
    series: note.series,
    seriesOrder: note.seriesOrder,
    wordCount: words,
    readingMinutes: readingMinutes(words),
  }
}
