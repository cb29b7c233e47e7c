import katex from 'katex'
import type { Root } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { isScriptOrDataUrl } from '@/lib/security/url-scheme'
import { visit } from 'unist-util-visit'
import { findCitationProblems } from '@/lib/citations/problems.mjs'
import { resolveEquations } from './equations.mjs'
import { opensForeignFrontMatter } from './front-matter-syntax.mjs'
import { syntaxProblems } from './syntax-problem'
import { memoize } from './memoize.mjs'
import { NOTE_COMPONENT_NAMES } from './note-components'
import { katexOptions } from './katex-options.mjs'

export type PolicyProblem = { line: number; column: number; message: string }

// Plain HTML an author may write inside MDX; anything that runs, embeds or restyles is not here.
const HTML_ELEMENTS = new Set(['sup', 'sub', 'kbd', 'abbr', 'mark', 'small', 'br', 'details', 'summary', 'span', 'div', 'figure', 'figcaption', 'img', 'a', 'em', 'strong', 'code', 'pre', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'hr'])
const FORBIDDEN_ATTRIBUTE = /^(on|style$|dangerouslysetinnerhtml$|srcdoc$|formaction$|ref$|key$)/i
const LITERAL_EXPRESSION = /^\s*(-?\d+(\.\d+)?|true|false)\s*$/

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement

function at(node: { position?: { start: { line: number; column: number } } }, message: string): PolicyProblem {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message }
}

function checkElement(node: JsxElement, problems: PolicyProblem[]) {
  const name = node.name ?? ''
  if (!name) {
    problems.push(at(node, 'Fragments (<>…</>) are not allowed.'))
    return
  }
  if (!NOTE_COMPONENT_NAMES.has(name) && !HTML_ELEMENTS.has(name)) {
    const allowed = [...NOTE_COMPONENT_NAMES].join(', ')
    problems.push(at(node, `<${name}> is not allowed. Components you can use: ${allowed}; or plain Markdown.`))
    return
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push(at(node, `<${name}> has a spread or expression attribute; write each prop as name="value".`))
      continue
    }
    if (FORBIDDEN_ATTRIBUTE.test(attribute.name)) {
      problems.push(at(attribute.position ? attribute : node, `The attribute "${attribute.name}" is not allowed on <${name}>.`))
      continue
    }
    const value = attribute.value
    if (value && typeof value === 'object' && !LITERAL_EXPRESSION.test(value.value)) {
      problems.push(at(node, `The prop ${attribute.name}={…} on <${name}> must be a literal: a string in quotes, a number or true/false.`))
    }
    if (typeof value === 'string' && /^(href|src)$/i.test(attribute.name) && isScriptOrDataUrl(value)) {
      problems.push(at(node, `The ${attribute.name} of <${name}> may not be a javascript:, vbscript: or data: URL.`))
    }
  }
}

/** KaTeX's own message for a formula it cannot render (the build would fail on it), or null. */
const mathProblem = memoize(
  (tex: string, displayMode: boolean, macrosJson: string): string | null => {
    try {
      // Macros as JSON: part of the cache key, and a fresh object each time (KaTeX writes into it).
      katex.renderToString(tex, { ...katexOptions, macros: JSON.parse(macrosJson), displayMode, throwOnError: true })
      return null
    } catch (error) {
      return `Math: ${(error as Error).message}`
    }
  },
  (tex, displayMode, macrosJson) => `${displayMode ? 'display' : 'inline'}:${tex}:${macrosJson}`,
)

const checkMath = (node: { value: string }, displayMode: boolean, macrosJson: string) => mathProblem(node.value, displayMode, macrosJson)

/** The author's macros, or the reason the macro file cannot be read (shown, not thrown). */
function readMacros(): { macros: Record<string, string>; problem?: string } {
  try {
    return { macros: katexOptions.macros }
  } catch (error) {
    return { macros: {}, problem: (error as Error).message }
  }
}

/**
 * Checks a drafted note body on its parsed tree before anything compiles it: compiling MDX runs
 * code (see shared/SECURITY.md). No import/export, no {expressions}, only allow-listed components
 * and plain elements with literal props, nothing that runs or embeds. Problems carry line and
 * column; a syntax error is one problem at its position.
 */
export function checkMdxPolicy(source: string): PolicyProblem[] {
  return checkNoteBody(source).problems
}

/**
 * What the build would refuse in a note's math, on its parsed tree (changed in place: labels become
 * \tag{n}, references links): unresolved labels and references, formulas KaTeX cannot render with
 * the author's macros, and a macro file that cannot be read. Each with line and column.
 */
export function findMathProblems(tree: Root, source: string): PolicyProblem[] {
  const equationProblems = resolveEquations(tree, source)
  const problems: PolicyProblem[] = equationProblems.map(({ node, message }) => at(node, message))
  // A reference already reported as unresolved is not reported again as KaTeX's unknown \eqref.
  const reported = new Set<unknown>(equationProblems.map(({ node }) => node))
  const { macros, problem: macroProblem } = readMacros()
  const macrosJson = JSON.stringify(macros)
  let mathSeen = false
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return
    if (!mathSeen && macroProblem) problems.push(at(node, `Math macros: ${macroProblem}`))
    mathSeen = true
    const problem = reported.has(node) ? null : checkMath(node, node.type === 'math', macrosJson)
    if (problem) problems.push(at(node, problem))
  })
  return problems.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** Parses a note body as the build does (MDX, GFM, math); throws on an MDX syntax error. */
export function parseNoteBody(source: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).parse(source) as Root
}

/** The policy check, and the parsed tree when there is one (the preview splits it into blocks). */
export function checkNoteBody(source: string): { problems: PolicyProblem[]; tree: Root | null } {
  // The MDX compiler reads a leading --- block as front matter, and gray-matter *evaluates* `---js`.
  if (/^\uFEFF?\s*---/.test(source)) {
    const message = 'The body may not start with ---: the note’s fields are set in the form, not as front matter.'
    return { problems: [{ line: 1, column: 1, message }], tree: null }
  }
  let tree: Root
  try {
    tree = parseNoteBody(source)
  } catch (error) {
    return { problems: syntaxProblems(source, error as Parameters<typeof syntaxProblems>[1]), tree: null }
  }
  // Labels become \tag{n} and references links before KaTeX checks a formula, as in the build.
  const problems: PolicyProblem[] = findMathProblems(tree, source)
  problems.push(...findCitationProblems(tree).map(({ line, column, message }) => ({ line, column, message })))
  // The preview compiles each top-level block on its own (lib/drafts/preview-blocks.ts), as a source of its own.
  for (const block of tree.children) {
    const start = block.position?.start.offset
    if (start !== undefined && opensForeignFrontMatter(source, start)) {
      problems.push(at(block, 'A paragraph may not start with “---” followed by text: that is front-matter syntax (---js would be code). Put a word before it, or write \\--- for literal dashes.'))
    }
  }
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push(at(node, 'import and export are not allowed in notes.'))
        break
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push(at(node, 'JavaScript expressions in {braces} are not allowed. To show braces, write \\{ and \\}.'))
        break
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node as JsxElement, problems)
        break
      case 'html':
        problems.push(at(node, 'Raw HTML is not allowed.'))
        break
      case 'link':
      case 'image':
      case 'definition':
        if (isScriptOrDataUrl((node as { url: string }).url)) {
          problems.push(at(node, 'Links and images may not use javascript:, vbscript: or data: URLs.'))
        }
        break
    }
  })
  return { problems: problems.sort((a, b) => a.line - b.line || a.column - b.column), tree }
}
