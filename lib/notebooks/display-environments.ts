import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import { setMath } from '../mdx/equations.mjs'
import { katexEnvironments } from './katex-environments'

// Environments LaTeX sets only as display math. Jupyter's MathJax shows `$\begin{align*}…$` as
// display math, where KaTeX refuses them inline ("can be used only in display mode").
const DISPLAY_ENVIRONMENTS = new Set(
  ['equation', 'align', 'gather', 'multline', 'alignat', 'eqnarray', 'flalign'].flatMap((name) => [name, `${name}*`]),
)
const BEGIN = /^\\begin\s*\{([a-z]+\*?)\}/

/** Whether the TeX is exactly one display environment, `\begin{align*} … \end{align*}`. */
export function isDisplayEnvironment(tex: string): boolean {
  const trimmed = tex.trim()
  const name = BEGIN.exec(trimmed)?.[1]
  if (!name || !DISPLAY_ENVIRONMENTS.has(name)) return false
  const end = `\\end{${name}}`
  return trimmed.endsWith(end) && trimmed.indexOf(end) === trimmed.length - end.length
}

const isEnvironmentMath = (node: PhrasingContent) => node.type === 'inlineMath' && isDisplayEnvironment(node.value)

const isBlank = (node: PhrasingContent | undefined) => node?.type === 'break' || (node?.type === 'text' && node.value.trim() === '')

/** The pieces as a paragraph without the blanks and line breaks at its ends; none if nothing is left. */
function trimmedParagraph(children: PhrasingContent[]): Paragraph[] {
  const kept = [...children]
  while (isBlank(kept[0])) kept.shift()
  while (isBlank(kept.at(-1))) kept.pop()
  if (kept.length === 0) return []
  const [first, last] = [kept[0], kept[kept.length - 1]]
  if (first.type === 'text') first.value = first.value.trimStart()
  if (last.type === 'text') last.value = last.value.trimEnd()
  return [{ type: 'paragraph', children: kept }]
}

/**
 * Makes inline math that is exactly one display environment a display equation of its own, in
 * place, splitting its paragraph around it, then writes the environments KaTeX lacks (eqnarray,
 * multline, flalign) as ones it has. The math nodes keep their identity (and position), so what
 * maps nodes to their cell still finds them.
 */
export function displayEnvironmentMath(tree: Root) {
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    if (!parent || index === undefined || !paragraph.children.some(isEnvironmentMath)) return
    const blocks: RootContent[] = []
    let run: PhrasingContent[] = []
    for (const child of paragraph.children) {
      if (!isEnvironmentMath(child)) {
        run.push(child)
        continue
      }
      blocks.push(...trimmedParagraph(run))
      run = []
      const display = child as unknown as { type: string; value: string }
      display.type = 'math'
      setMath(display, display.value.trim())
      blocks.push(display as RootContent)
    }
    blocks.push(...trimmedParagraph(run))
    parent.children.splice(index, 1, ...(blocks as never[]))
    return [SKIP, index + blocks.length]
  })
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return
    const written = katexEnvironments(node.value)
    if (written !== node.value) setMath(node, written)
  })
}
