import type { RootContent } from 'mdast'
import { parseMarkdownCell } from '../parse-markdown-cell'

const BEGIN = /^\\begin\{([a-z]+\*?)\}/

/** The math of `$$…$$`, or of one environment standing alone (MathJax in Jupyter typesets those bare). */
function displayMath(latex: string): string | undefined {
  const inner = latex.slice(2, -2)
  if (latex.length > 4 && latex.startsWith('$$') && latex.endsWith('$$') && !inner.includes('$$')) return inner.trim()
  const environment = BEGIN.exec(latex)?.[1]
  if (environment && latex.endsWith(`\\end{${environment}}`)) return latex
  return undefined
}

/**
 * A text/latex output (IPython's `Latex`, SymPy, a library's `_repr_latex_`) as Jupyter shows it:
 * `$$…$$` or a lone environment is a display equation, text with `$…$` is a paragraph with inline
 * math. None when it is bare LaTeX Jupyter would not typeset either: the caller falls back to text.
 */
export function latexOutput(output: string): RootContent[] | undefined {
  const latex = output.trim()
  const display = displayMath(latex)
  if (display) return [{ type: 'math', value: display }]
  if (!latex.includes('$')) return undefined
  return parseMarkdownCell(latex).children
}
