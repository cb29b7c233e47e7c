import { maskCode } from './code-mask'

// What may open a line before its text: indentation, blockquote markers, list markers.
const CONTAINER = /^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*/
const LIST_MARKER = /[-*+]|\d{1,9}[.)]/g
const QUOTE_OR_INDENT = /^[ \t>]*/
const LEADING_SPACE = /^[ \t]*/
const BLANK_LINE = /\n[ \t]*\n/

type Edit = { at: number; remove: number; insert: string }

/** The text with display math fenced, and for each of its lines (from 0) the author's line (from 1). */
export type FencedSource = { text: string; originalLines: number[] }

const lineStartOf = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1
const lineEndOf = (text: string, at: number) => {
  const end = text.indexOf('\n', at)
  return end === -1 ? text.length : end
}

/** The edits that put `$$` on lines of their own around the math from `open` to `close`; none if it cannot be done safely. */
function fenceEdits(source: string, open: number, close: number): Edit[] {
  const container = CONTAINER.exec(source.slice(lineStartOf(source, open), open))?.[0] ?? ''
  // The lines the fence and the math go on continue the container: list items by indentation, quotes by `>`.
  const indent = container.replace(LIST_MARKER, (marker) => ' '.repeat(marker.length))
  const edits: Edit[] = []
  const breakAt = (at: number) => edits.push({ at, remove: 0, insert: `\n${indent}` })
  const textBefore = (at: number, prefix: RegExp) => source.slice(lineStartOf(source, at), at).replace(prefix, '').trim() !== ''
  if (textBefore(open, CONTAINER)) breakAt(open)
  if (source.slice(open + 2, lineEndOf(source, open)).trim() !== '') breakAt(open + 2)
  for (let newline = source.indexOf('\n', open); newline !== -1 && newline < close; newline = source.indexOf('\n', newline + 1)) {
    const line = newline + 1
    if (source.startsWith(indent, line)) continue
    if (indent.includes('>')) return []
    const leading = LEADING_SPACE.exec(source.slice(line, lineEndOf(source, line)))?.[0].length ?? 0
    edits.push({ at: line, remove: leading, insert: indent })
  }
  if (textBefore(close, QUOTE_OR_INDENT)) breakAt(close)
  if (source.slice(close + 2, lineEndOf(source, close)).trim() !== '') breakAt(close + 2)
  return edits
}

/** The `$$…$$` spans Jupyter reads as one display equation over several lines, as [open, close] offsets of their `$$`. */
function multiLineDisplayMath(source: string): Array<[number, number]> {
  const masked = maskCode(source)
  const spans: Array<[number, number]> = []
  let open = masked.indexOf('$$')
  while (open !== -1) {
    const close = masked.indexOf('$$', open + 2)
    if (close === -1) break
    const inside = masked.slice(open + 2, close)
    // Jupyter does not let math run over a blank line: the second `$$` may open the next equation.
    if (BLANK_LINE.test(inside)) {
      open = close
      continue
    }
    if (inside.includes('\n')) spans.push([open, close])
    open = masked.indexOf('$$', close + 2)
  }
  return spans
}

function applyEdits(source: string, edits: Edit[]): FencedSource {
  let text = ''
  const originalLines = [1]
  let line = 1
  let from = 0
  // An inserted line break starts a line that is still the author's same line.
  const copy = (chunk: string, advances: boolean) => {
    const breaks = chunk.split('\n').length - 1
    for (let n = 0; n < breaks; n++) originalLines.push(advances ? ++line : line)
    text += chunk
  }
  for (const edit of edits) {
    copy(source.slice(from, edit.at), true)
    copy(edit.insert, false)
    from = edit.at + edit.remove
  }
  copy(source.slice(from), true)
  return { text, originalLines }
}

/**
 * Jupyter finds math before it reads Markdown: `$$…$$` is one display equation even over several
 * lines, with `$` inside it (`\text{for $|q|<1$}`), and with `$$` on the lines of the math. Markdown
 * math wants `$$` on lines of their own; this puts them there, leaving code and `\$` alone.
 */
export function fenceDisplayMath(source: string): FencedSource {
  const edits = multiLineDisplayMath(source).flatMap(([open, close]) => fenceEdits(source, open, close))
  return applyEdits(source, edits.sort((a, b) => a.at - b.at))
}
