import katex from 'katex'
import type { Root } from 'mdast'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'
import { resolveEquations } from '../mdx/equations.mjs'
import { notebookKatexOptions, withStrict } from '../mdx/katex-options.mjs'

/** Where a node came from: its cell and how many lines of that cell front matter took. */
export type Origin = { cell: number; lineOffset: number }

/**
 * Checks the math of a notebook as the build renders it (notebookKatexOptions), naming cell and
 * line. `problems` fail the notebook (an undefined command, unbalanced braces, an unknown
 * \eqref); `warnings` are what KaTeX renders though LaTeX would not (a Unicode prime), for the
 * build to print. Each problem is reported once, in the order of the notebook.
 */
export function checkNotebookMath(root: Root, origins: WeakMap<Node, Origin>): { problems: string[]; warnings: string[] } {
  const where = (node: Node) => {
    const origin = origins.get(node)
    const line = (node.position?.start.line ?? 1) + (origin?.lineOffset ?? 0)
    return origin ? `cell ${origin.cell}, line ${line}` : 'a Markdown cell'
  }
  // Each cell's one-line $$ is already a display equation; the merged tree has no one source text.
  const equationProblems = resolveEquations(root, '')
  const problems = equationProblems.map((problem) => `${where(problem.node)}: ${problem.message}`)
  // A reference already reported as unresolved is not reported again as KaTeX's unknown \eqref.
  const reported = new Set<Node>(equationProblems.map((problem) => problem.node))
  const warnings: string[] = []
  visit(root, (node) => {
    if ((node.type !== 'math' && node.type !== 'inlineMath') || reported.has(node)) return
    const nonstrict: string[] = []
    const collect = (_code: string, message: string) => {
      nonstrict.push(message)
      return 'ignore' as const
    }
    try {
      katex.renderToString(node.value, { ...withStrict(notebookKatexOptions, collect), displayMode: node.type === 'math', throwOnError: true })
      warnings.push(...nonstrict.map((message) => `${where(node)}: KaTeX renders it, LaTeX would not: ${message}`))
    } catch (error) {
      problems.push(`${where(node)}: KaTeX: ${(error as Error).message}`)
    }
  })
  return { problems, warnings }
}
