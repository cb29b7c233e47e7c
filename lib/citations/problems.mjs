// What stops a note's citations from rendering: a key references.bib does not have, or a
// references.bib that cannot be read. Checked on the parsed tree, before anything compiles, by the
// content build (file and line) and the admin editor (an inline problem at the line).
import { loadReferences, REFERENCES_FILE } from './references.mjs'
import { citationsInHeadings, textsWithCitations } from './syntax.mjs'

/** @typedef {{ node: import('mdast').Text, line: number, column: number, message: string }} CitationProblem */

/**
 * Where a citation starts, from its text node's position and its offset in the node's text.
 * @param {import('mdast').Text} node
 * @param {number} offset
 */
function placeOf(node, offset) {
  const start = node.position?.start ?? { line: 1, column: 1 }
  const before = node.value.slice(0, offset).split('\n')
  return before.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + before.length - 1, column: before[before.length - 1].length + 1 }
}

/**
 * @param {import('mdast').Root} tree
 * @param {() => ReadonlyMap<string, unknown>} [references]
 * @returns {CitationProblem[]}
 */
export function findCitationProblems(tree, references = () => loadReferences()) {
  /** @type {CitationProblem[]} */
  const inHeadings = citationsInHeadings(tree).map(({ node, citation }) => ({
    node,
    ...placeOf(node, citation.start),
    message: 'A citation in a heading: cite in the text under it (a heading names its anchor and its line in "On this page").',
  }))
  const found = textsWithCitations(tree)
  if (found.length === 0) return inHeadings
  /** @type {ReadonlyMap<string, unknown>} */
  let known
  try {
    known = references()
  } catch (error) {
    const { node, citations } = found[0]
    return [{ node, ...placeOf(node, citations[0].start), message: `References: ${/** @type {Error} */ (error).message}` }]
  }
  const problems = inHeadings
  for (const { node, citations } of found) {
    for (const citation of citations) {
      for (const { key } of citation.items) {
        if (known.has(key)) continue
        problems.push({ node, ...placeOf(node, citation.start), message: `Unknown citation key "@${key}": it is not in ${REFERENCES_FILE}.` })
      }
    }
  }
  return problems
}
