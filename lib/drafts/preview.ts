import 'server-only'
import type { NoteSummary } from '@/lib/content'
import { countWords, extractHeadings, readingMinutes, type Heading } from '@/lib/content/text'
import { checkMdxPolicy, type PolicyProblem } from '@/lib/mdx/policy'
import { CompileError, compileNoteBody } from '@/lib/mdx/preview-compiler'
import type { NoteInput } from './schema'

export type CompiledDraft = { ok: true; code: string; headings: Heading[]; ms: number } | { ok: false; problems: PolicyProblem[] }

/**
 * A drafted body compiled for display: checked against the MDX policy first (nothing else is ever
 * compiled), then compiled with the build's pipeline under a time limit.
 */
export async function compileDraft(body: string): Promise<CompiledDraft> {
  const problems = checkMdxPolicy(body)
  if (problems.length > 0) return { ok: false, problems }
  const started = performance.now()
  try {
    // mdx-bundler cannot compile an empty file; an empty note is one blank line.
    const code = await compileNoteBody(body.trim() ? body : '\n')
    return { ok: true, code, headings: extractHeadings(body), ms: Math.round(performance.now() - started) }
  } catch (error) {
    if (!(error instanceof CompileError)) throw error
    const [, line, column] = /(\d+):(\d+)/.exec(error.message) ?? []
    return { ok: false, problems: [{ line: Number(line ?? 1), column: Number(column ?? 1), message: error.message }] }
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
