import { realpathSync } from 'node:fs'

// How the content build (contentlayer.config.ts) tells the author what stops it. Contentlayer
// prints an error thrown by the config as the whole object it wraps it in: the message twice,
// with stack traces. The author needs the list of problems, once.

/** A list of problems under a heading, one "  • " line each; nothing when there are none. */
export function formatProblemList(heading: string, problems: string[]): string {
  if (problems.length === 0) return ''
  return `${heading} (${problems.length}):\n${problems.map((problem) => `  • ${problem}`).join('\n')}`
}

/** Problems in the content that stop the build; the message is the whole report. */
export class ContentBuildError extends Error {
  constructor(report: string) {
    super(report)
    this.name = 'ContentBuildError'
  }

  // `contentlayer2 dev` prints errors with toString(): the report, without "Error:" before it.
  override toString() {
    return this.message
  }
}

/** Throws a ContentBuildError of the non-empty lists, if any; each list is formatProblemList's. */
export function throwIfProblems(lists: string[]) {
  const report = lists.filter(Boolean).join('\n\n')
  if (report) throw new ContentBuildError(report)
}

/**
 * Whether this process is the `contentlayer2 build` command, which ends at its first error anyway.
 * Elsewhere (`contentlayer2 dev`, the live builder in lib/publishing) the process must go on.
 */
export function isContentlayerBuildCommand(argv: string[] = process.argv): boolean {
  const [, script, command] = argv
  if (!script || command !== 'build') return false
  try {
    return /[\\/]contentlayer2[\\/]bin[\\/]cli\.cjs$/.test(realpathSync(script))
  } catch {
    return false
  }
}

/**
 * Runs a step of the content build. When it finds problems in the content and this process is
 * `contentlayer2 build`, the report is printed once and the process ends with status 1; anywhere
 * else the error goes to the caller, whose output shows its message.
 */
export async function reportingContentProblems<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (!(error instanceof ContentBuildError) || !isContentlayerBuildCommand()) throw error
    // Exit only once the report is written: stderr may be a pipe that drains later.
    return new Promise<never>(() => process.stderr.write(`\n${error.message}\n\n`, () => process.exit(1)))
  }
}
