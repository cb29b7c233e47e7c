import type { Node } from 'unist'
import { NotebookError } from './notebook'

/** Where the problems of one Markdown cell go, and how many lines its front matter took. */
export type CellProblems = { problems: string[]; lineOffset: number }

/**
 * Runs one step for one node of a Markdown cell. A NotebookError ("cell 3: the image …") becomes a
 * problem placed at the node's line ("cell 3, line 7: the image …") and `fallback` is used, so the
 * rest of the cell (its other images, links and math) is still checked in the same build.
 */
export function orProblem<T>(node: Node, into: CellProblems, step: () => T, fallback: () => T): T {
  try {
    return step()
  } catch (error) {
    if (!(error instanceof NotebookError)) throw error
    const line = node.position ? node.position.start.line + into.lineOffset : undefined
    into.problems.push(...error.problems.map((problem) => (line === undefined ? problem : problem.replace(/^cell (\d+):/, `cell $1, line ${line}:`))))
    return fallback()
  }
}
