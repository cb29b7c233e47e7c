// Numbered equations and cross-references, as LaTeX writers expect them. KaTeX has no \label or
// \eqref, so they are resolved on the Markdown tree before KaTeX sees a formula:
//   $$ E = mc^2 \label{energy} $$   → numbered (1) with a \tag, wrapped in <div id="eq-energy">
//   see $\eqref{energy}$            → a link "(1)" to #eq-energy ($\ref{…}$ gives "1")
// Only labelled display equations are numbered, in the order they appear; \tag{…} keeps its own.
import { SKIP, visit } from 'unist-util-visit'
import { trimChars } from '../text-trim.mjs'

const LABEL = /\\label\s*\{([^{}]*)\}/g
const TAG = /\\tag\*?\s*\{([^{}]*)\}/
const REF = /\\(eqref|ref)\s*\{([^{}]*)\}/g
const WHOLE_REF = /^\s*\\(eqref|ref)\s*\{([^{}]*)\}\s*$/

/** @typedef {{ node: import('unist').Node, message: string }} EquationProblem */
/** @typedef {{ id: string, number: string }} Equation */

/** @param {string} label */
export function equationId(label) {
  const words = trimChars(label.replace(/^eq[:\-_]/i, '').replace(/[^A-Za-z0-9_-]+/g, '-'), '-')
  return `eq-${words.toLowerCase() || 'equation'}`
}

/**
 * Sets a math node's TeX. mdast-util-math decides the HTML when it parses (`data.hChildren`), so
 * the text there must change with the value.
 * @param {any} node @param {string} value
 */
export function setMath(node, value) {
  const display = node.type === 'math'
  const code = { type: 'text', value }
  node.value = value
  node.data = display
    ? {
        hName: 'pre',
        hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [code] }],
      }
    : { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [code] }
}

/** @param {string} kind @param {Equation} equation */
const refText = (kind, equation) => (kind === 'eqref' ? `(${equation.number})` : equation.number)

/**
 * A paragraph holding only `$$…$$` written on one line is a display equation (as in Jupyter and
 * most Markdown editors); micromark reads it as inline math.
 * @param {any} node @param {string} source
 */
function isOneLineDisplay(node, source) {
  if (node.type !== 'paragraph' || node.children.length !== 1) return false
  const only = node.children[0]
  const start = only.position?.start.offset
  return only.type === 'inlineMath' && start !== undefined && source.startsWith('$$', start)
}

/**
 * Makes each paragraph that is only `$$…$$` on one line a display equation, in place.
 * @param {import('mdast').Root} tree
 * @param {string} source the text the tree was parsed from
 */
export function displayOneLineMath(tree, source) {
  visit(tree, 'paragraph', (/** @type {any} */ node, index, /** @type {any} */ parent) => {
    if (!isOneLineDisplay(node, source) || !parent || index === undefined) return
    const display = { type: 'math', value: '', position: node.position }
    setMath(display, node.children[0].value)
    parent.children[index] = display
    return SKIP
  })
}

/**
 * Numbers labelled equations and turns references into links, in place. Returns what cannot be
 * resolved (a second label in one equation, a label used twice, a reference to no label), each
 * with the node that says it, so callers can report line and column.
 * @param {import('mdast').Root} tree
 * @param {string} source the text the tree was parsed from
 * @returns {EquationProblem[]}
 */
export function resolveEquations(tree, source) {
  /** @type {EquationProblem[]} */
  const problems = []
  /** @type {Map<string, Equation>} */
  const labels = new Map()
  let counter = 0

  displayOneLineMath(tree, source)
  visit(tree, (/** @type {any} */ node, index, /** @type {any} */ parent) => {
    if (node.type !== 'math' || !parent || index === undefined) return
    const found = [...node.value.matchAll(LABEL)]
    if (found.length === 0) return
    if (found.length > 1) {
      problems.push({ node, message: 'An equation can have only one \\label.' })
      return
    }
    const label = found[0][1].trim()
    if (!label) {
      problems.push({ node, message: '\\label{} needs a name, like \\label{loss}.' })
      return
    }
    if (labels.has(label)) {
      problems.push({ node, message: `\\label{${label}} is used by two equations; give each its own name.` })
      return
    }
    const ownTag = TAG.exec(node.value)?.[1]
    const number = ownTag ?? String(++counter)
    const id = equationId(label)
    labels.set(label, { id, number })
    setMath(node, node.value.replace(LABEL, ownTag === undefined ? `\\tag{${number}}` : ''))
    parent.children[index] = {
      type: 'equation',
      data: { hName: 'div', hProperties: { id, className: ['equation'] } },
      children: [node],
      position: node.position,
    }
    return SKIP
  })

  /** @param {any} node @param {string} kind @param {string} label */
  const lookUp = (node, kind, label) => {
    const equation = labels.get(label.trim())
    if (!equation) problems.push({ node, message: `\\${kind}{${label}}: no equation in this note has \\label{${label}}.` })
    return equation
  }
  /** @param {string} id @param {string} text */
  const link = (id, text) => ({
    type: 'link',
    url: `#${id}`,
    data: { hProperties: { className: ['equation-ref'] } },
    children: [{ type: 'text', value: text }],
  })

  visit(tree, (/** @type {any} */ node, index, /** @type {any} */ parent) => {
    if (node.type === 'inlineMath' && parent && index !== undefined) {
      const whole = WHOLE_REF.exec(node.value)
      if (whole) {
        const equation = lookUp(node, whole[1], whole[2])
        if (equation) parent.children[index] = link(equation.id, refText(whole[1], equation))
        return
      }
      if (LABEL.test(node.value)) {
        LABEL.lastIndex = 0
        problems.push({ node, message: '\\label works only in a display equation: put $$ … $$ on a line (or lines) of its own.' })
      }
    }
    if (node.type === 'math' || node.type === 'inlineMath') {
      if (!REF.test(node.value)) return
      const value = node.value.replace(REF, (/** @type {string} */ written, /** @type {string} */ kind, /** @type {string} */ label) => {
        const equation = lookUp(node, kind, label)
        return equation ? `\\text{${refText(kind, equation)}}` : written
      })
      setMath(node, value)
      return
    }
    // In plain Markdown (notebook cells) a reference can also sit in the text itself.
    if (node.type === 'text' && parent && index !== undefined && REF.test(node.value)) {
      REF.lastIndex = 0
      /** @type {any[]} */
      const pieces = []
      let last = 0
      for (const match of node.value.matchAll(REF)) {
        const equation = lookUp(node, match[1], match[2])
        if (!equation) continue
        if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) })
        pieces.push(link(equation.id, refText(match[1], equation)))
        last = match.index + match[0].length
      }
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) })
      parent.children.splice(index, 1, ...pieces)
      return [SKIP, index + pieces.length]
    }
  })
  return problems
}

/** The remark plugin: resolves equations and fails the file, with line and column, on a problem. */
export function remarkEquations() {
  return (/** @type {import('mdast').Root} */ tree, /** @type {import('vfile').VFile} */ file) => {
    const [first] = resolveEquations(tree, String(file.value))
    if (first) file.fail(first.message, /** @type {any} */ (first.node))
  }
}

/**
 * Fails the file on the first formula KaTeX could not render: rehype-katex only records a message
 * and puts red source text in the page, which must never reach a reader.
 */
export function rehypeFailOnMathErrors() {
  return (/** @type {unknown} */ _tree, /** @type {import('vfile').VFile} */ file) => {
    const failed = file.messages.find((message) => message.source === 'rehype-katex')
    if (!failed) return
    // The formula's own element was made by mdast-util-math and has no position; an ancestor has.
    const placed = [...(failed.ancestors ?? [])].reverse().find((node) => node.position)
    file.fail(`KaTeX: ${failed.cause instanceof Error ? failed.cause.message : failed.reason}`, placed?.position ?? failed.place)
  }
}
