// Lines that open or close a fence, at every line start a multiline ^ sees (after \n, \r, U+2028, U+2029).
const FENCE = /^(?:```|~~~)/gm

/**
 * Fenced code blocks replaced by `replacement`: a line starting with ``` or ~~~ through the next
 * line starting with the same fence, as /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm matches them.
 * That regex rescans the rest of the body for each fence that never closes (cubic time); here
 * the fence lines are listed once and each opening looks its closing up in that list.
 */
export function replaceFencedCode(body: string, replacement: string): string {
  const fences = [...body.matchAll(FENCE)].map((match) => ({ index: match.index, fence: match[0] }))
  const closings = new Map(['```', '~~~'].map((fence) => [fence, fences.filter((line) => line.fence === fence).map((line) => line.index)]))
  const nextClosing = new Map([['```', 0], ['~~~', 0]])
  let out = ''
  let copied = 0
  let newline = -1
  for (const { index, fence } of fences) {
    if (index < copied) continue
    // Openings on one line share its newline: looked up once, so long lines are not rescanned.
    if (newline < index) newline = body.indexOf('\n', index)
    if (newline < 0) break
    const candidates = closings.get(fence)!
    let next = nextClosing.get(fence)!
    while (next < candidates.length && candidates[next] <= newline) next++
    nextClosing.set(fence, next)
    if (next === candidates.length) continue
    const lineEnd = body.indexOf('\n', candidates[next])
    out += body.slice(copied, index) + replacement
    copied = lineEnd < 0 ? body.length : lineEnd
  }
  return out + body.slice(copied)
}
