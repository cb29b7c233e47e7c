import { applySgr, PLAIN, sgrClasses, type SgrState } from './ansi'

/** A stretch of one line in one style; `classes` is '' for plain text. */
export type Run = { text: string; classes: string }
export type TerminalLine = Run[]

// An escape sequence (CSI with its final letter, OSC up to its terminator, or any other ESC pair),
// a line break, a carriage return, a backspace, or a stretch of plain characters.
const TOKEN = /\u001b\[([0-9;?]*)([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b.?|\r\n|\n|\r|\u0008|[^\u001b\r\n\u0008]+/g
// Other control characters (bell, NUL…) print nothing.
const CONTROL = /[\u0000-\u0007\u000b-\u001f\u007f]/g
// A terminal's cursor stops at its right edge and its last line: moves past them (ESC[100000000C)
// go no further, so a few bytes of output can never make a huge line or millions of lines.
const TERMINAL_WIDTH = 500

/**
 * What a terminal would show after printing `text`: carriage returns and cursor moves (a tqdm bar
 * redrawn in place, nested bars moving up a line) overwrite what was there, so each line holds
 * its final state, with the colours its escapes set. Trailing spaces and empty last lines go.
 */
export function terminalLines(text: string): TerminalLine[] {
  const chars: string[][] = [[]]
  const styles: string[][] = [[]]
  let row = 0
  let column = 0
  let state: SgrState = PLAIN
  let classes = ''
  const moveTo = (nextRow: number, nextColumn: number) => {
    row = Math.max(0, nextRow)
    column = Math.max(0, nextColumn)
    while (chars.length <= row) {
      chars.push([])
      styles.push([])
    }
  }
  for (const [token, parameters, command] of text.matchAll(TOKEN)) {
    if (token === '\n' || token === '\r\n') moveTo(row + 1, 0)
    else if (token === '\r') column = 0
    else if (token === '\u0008') column = Math.max(0, column - 1)
    else if (command !== undefined) {
      const count = Math.max(1, Number(parameters.split(';')[0]) || 1)
      if (command === 'm') {
        state = applySgr(state, parameters)
        classes = sgrClasses(state)
      } else if (command === 'A') moveTo(row - count, column)
      else if (command === 'B') moveTo(Math.min(row + count, chars.length - 1), column)
      else if (command === 'C') column = Math.min(column + count, Math.max(TERMINAL_WIDTH, chars[row].length))
      else if (command === 'D') column = Math.max(0, column - count)
      else if (command === 'G') column = Math.min(count, Math.max(TERMINAL_WIDTH, chars[row].length)) - 1
      else if (command === 'K') {
        // Erase to the end of the line (0), from its start to the cursor (1), or all of it (2).
        // Erased cells at the end of a line are blanks nobody sees: the line is cut there.
        const mode = Number(parameters) || 0
        const line = chars[row]
        if (mode === 1 && column + 1 < line.length) {
          for (let index = 0; index <= column; index++) [line[index], styles[row][index]] = [' ', '']
        } else {
          line.length = mode === 0 ? Math.min(column, line.length) : 0
          styles[row].length = line.length
        }
      }
    } else if (!token.startsWith('\u001b')) {
      const line = chars[row]
      const lineStyles = styles[row]
      for (const char of token.replace(CONTROL, '')) {
        while (line.length < column) {
          line.push(' ')
          lineStyles.push('')
        }
        line[column] = char
        lineStyles[column] = classes
        column++
      }
    }
  }
  const lines = chars.map((line, index) => toRuns(line, styles[index]))
  while (lines.length && lines[lines.length - 1].length === 0) lines.pop()
  return lines
}

function toRuns(chars: string[], styles: string[]): TerminalLine {
  let end = chars.length
  // Trailing blanks are invisible unless highlighted.
  while (end > 0 && /\s/.test(chars[end - 1]) && !styles[end - 1].includes('ansi-highlight')) end--
  const runs: TerminalLine = []
  for (let index = 0; index < end; index++) {
    const last = runs[runs.length - 1]
    if (last && last.classes === styles[index]) last.text += chars[index]
    else runs.push({ text: chars[index], classes: styles[index] })
  }
  return runs
}

export const lineText = (line: TerminalLine) => line.map((run) => run.text).join('')
