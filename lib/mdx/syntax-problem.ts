export type SyntaxProblem = { line: number; column: number; message: string }

type ParseFailure = { line?: number; column?: number; reason?: string; message?: string }

// The parser's words for the mistakes authors make, in theirs.
const PLAIN_WORDS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/before attribute value/, () => 'An attribute’s value must be in quotes: write name="value".'],
  [/Expected a closing tag for `<([^>`]*)>`/, (match) => `<${match[1]}> is not closed: end it with </${match[1]}>, or write <${match[1]} … />.`],
  [/before name, expected a character that can start a name/, () => 'A “<” that does not start a component: write \\< for a literal less-than sign.'],
  [/end of file in expression|Could not parse expression/, () => 'A “{” opens an expression that is not allowed here: write \\{ and \\} for literal braces.'],
  [/import\/exports/, () => 'A line that starts with “import” or “export” is read as code: start it with another word.'],
]

// Attributes that would run code, named even when the tag around them does not parse.
const HANDLER_ATTRIBUTE = /\b(on[a-z]+)[^\S\n]*=/gi

/**
 * What an MDX syntax error means for the author: a handler attribute the line tries to use is
 * named first (that is what is refused), then the mistake in plain words, at the parser's place.
 */
export function syntaxProblems(source: string, failure: ParseFailure): SyntaxProblem[] {
  const reason = failure.reason ?? failure.message ?? 'unreadable MDX'
  // Some parse errors carry their place only in the text: "… (3:1-3:21)".
  const [, lineText, columnText] = /\((\d+):(\d+)/.exec(reason) ?? []
  const line = failure.line ?? (lineText ? Number(lineText) : 1)
  const column = failure.column ?? (columnText ? Number(columnText) : 1)
  const problems: SyntaxProblem[] = []
  const text = source.split('\n')[line - 1] ?? ''
  for (const match of text.matchAll(HANDLER_ATTRIBUTE)) {
    problems.push({ line, column: (match.index ?? 0) + 1, message: `The attribute "${match[1]}" is not allowed: a note cannot run code.` })
  }
  for (const [pattern, words] of PLAIN_WORDS) {
    const match = pattern.exec(reason)
    if (match) return [...problems, { line, column, message: `MDX syntax error: ${words(match)}` }]
  }
  return [...problems, { line, column, message: `MDX syntax error: ${reason}.`.replace('..', '.') }]
}
