// A fence opens or closes a code block; container markers (`>`, indentation) may come before it.
const FENCE = /^[ \t>]*(`{3,}|~{3,})/
const INDENTED = /^(?: {4}|\t)/
const BLANK_LINE = /\n[ \t]*\n/g

const blank = (text: string) => text.replace(/[^\n]/g, ' ')

/** Fenced code blocks, and indented code blocks after a blank line, blanked out line by line. */
function maskCodeBlocks(source: string): string {
  let fence: string | undefined
  let previousBlank = true
  let inIndentedCode = false
  return source
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1]
      const isBlank = line.trim() === ''
      let code = false
      if (fence) {
        code = true
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim().replace(/^[>\s]*/, '') === marker) fence = undefined
      } else if (marker) {
        code = true
        fence = marker
      } else {
        inIndentedCode = !isBlank && INDENTED.test(line) && (previousBlank || inIndentedCode)
        code = inIndentedCode
      }
      previousBlank = isBlank
      return code ? blank(line) : line
    })
    .join('\n')
}

/** Where the run of `length` backticks that closes a code span starting at `from` is, or -1: a blank line ends the search. */
function closingRun(text: string, from: number, length: number): number {
  BLANK_LINE.lastIndex = from
  const end = BLANK_LINE.exec(text)?.index ?? text.length
  let at = text.indexOf('`', from)
  while (at !== -1 && at < end) {
    let run = 1
    while (text[at + run] === '`') run++
    if (run === length) return at
    at = text.indexOf('`', at + run)
  }
  return -1
}

/**
 * The cell's Markdown with what is not Markdown prose blanked out, offsets and lines kept: code
 * blocks, code spans, and each escaped `\$`. What Jupyter reads as math is found in what is left.
 */
export function maskCode(source: string): string {
  const text = maskCodeBlocks(source)
  let masked = ''
  let i = 0
  while (i < text.length) {
    const char = text[i]
    if (char === '\\') {
      masked += text[i + 1] === '$' ? '\\ ' : text.slice(i, i + 2)
      i += 2
      continue
    }
    if (char === '`') {
      let run = 1
      while (text[i + run] === '`') run++
      const close = closingRun(text, i + run, run)
      const end = close === -1 ? i + run : close + run
      masked += close === -1 ? text.slice(i, end) : blank(text.slice(i, end))
      i = end
      continue
    }
    masked += char
    i++
  }
  return masked
}
