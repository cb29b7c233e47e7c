/**
 * Where a JSON.parse error happened, as " at line L, column C" (empty when the message gives no
 * position): Node names only a character offset, and people fix files by line.
 * @param {string} text the text that failed to parse
 * @param {string} message the SyntaxError's message
 */
export function jsonErrorPlace(text, message) {
  const position = /position (\d+)/.exec(message)?.[1]
  if (!position) return ''
  const lines = text.slice(0, Number(position)).split('\n')
  return ` at line ${lines.length}, column ${lines[lines.length - 1].length + 1}`
}
