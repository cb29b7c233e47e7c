// Environments Jupyter's MathJax renders and KaTeX has not, each written as one KaTeX has with the
// same look. LaTeX numbers each row of eqnarray; MathJax in Jupyter numbers none, and neither do we.
const ENVIRONMENT = /\\(begin|end)\s*\{(eqnarray|multline|flalign)(\*?)\}/g

const REPLACEMENTS: Record<string, { begin: string; end: string }> = {
  // multline sets its rows apart on one number; KaTeX has no left and right rows, so they are centred.
  multline: { begin: '\\begin{equation}\\begin{gathered}', end: '\\end{gathered}\\end{equation}' },
  'multline*': { begin: '\\begin{gather*}', end: '\\end{gather*}' },
  flalign: { begin: '\\begin{align}', end: '\\end{align}' },
  'flalign*': { begin: '\\begin{align*}', end: '\\end{align*}' },
}

const isLetter = (char: string | undefined) => char !== undefined && /^[A-Za-z]$/.test(char)
const isCommand = (body: string, at: number, name: string) => body.startsWith(name, at + 1) && !isLetter(body[at + 1 + name.length])

/** How many cells the widest row of an array body has: `&` and `\\` count only outside braces and inner environments. */
function widestRow(body: string): number {
  let depth = 0
  let cells = 1
  let widest = 1
  for (let i = 0; i < body.length; i++) {
    const char = body[i]
    if (char === '\\') {
      if (isCommand(body, i, 'begin')) depth++
      else if (isCommand(body, i, 'end')) depth--
      else if (body[i + 1] === '\\' && depth === 0) {
        widest = Math.max(widest, cells)
        cells = 1
      }
      i++
    } else if (char === '{') depth++
    else if (char === '}') depth--
    else if (char === '&' && depth === 0) cells++
  }
  return Math.max(widest, cells)
}

/**
 * The TeX with eqnarray, multline and flalign (starred or not) written as environments KaTeX
 * renders: eqnarray as a display-style array, right–centre–left and then left for each further
 * column of its widest row; multline as gathered rows; flalign as align.
 */
export function katexEnvironments(tex: string): string {
  const found = [...tex.matchAll(ENVIRONMENT)]
  // Each \begin with the \end that closes it; one without the other is left for KaTeX to report as written.
  const closing = new Map<RegExpMatchArray, RegExpMatchArray>()
  const paired = new Set<RegExpMatchArray>()
  const open = new Map<string, RegExpMatchArray[]>()
  for (const match of found) {
    const stack = open.get(match[2] + match[3]) ?? []
    open.set(match[2] + match[3], stack)
    if (match[1] === 'begin') {
      stack.push(match)
      continue
    }
    const begin = stack.pop()
    if (!begin) continue
    closing.set(begin, match)
    paired.add(begin).add(match)
  }
  let result = ''
  let from = 0
  for (const match of found) {
    const [written, side, name, star] = match
    if (!paired.has(match)) continue
    const end = closing.get(match)
    let replacement = REPLACEMENTS[name + star]?.[side as 'begin' | 'end']
    if (name === 'eqnarray') {
      const body = end ? tex.slice(match.index! + written.length, end.index) : ''
      replacement = side === 'end' ? '\\end{darray}' : `\\begin{darray}{rc${'l'.repeat(Math.max(1, widestRow(body) - 2))}}`
    }
    result += tex.slice(from, match.index) + replacement
    from = match.index! + written.length
  }
  return result + tex.slice(from)
}
