import type { Root } from 'mdast'
import type { Node } from 'unist'
import { findCitationProblems } from '../citations/problems.mjs'
import type { Origin } from './check-math'

/** Citations of keys references.bib lacks (or a references.bib that cannot be read), naming cell and line. */
export function checkNotebookCitations(root: Root, origins: WeakMap<Node, Origin>, references: () => ReadonlyMap<string, unknown>): string[] {
  return findCitationProblems(root, references).map(({ node, line, message }) => {
    const origin = origins.get(node)
    return origin ? `cell ${origin.cell}, line ${line + origin.lineOffset}: ${message}` : `a Markdown cell: ${message}`
  })
}
