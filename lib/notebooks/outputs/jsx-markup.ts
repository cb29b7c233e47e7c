import type { Html } from 'mdast'

// Characters Markdown, math or MDX would read as syntax inside JSX text, written as character
// references so they stay text: a log line with *, _, $, { or < stays as printed. Block syntax
// (#, >, a table's |) needs the start of a line, and each line here starts with a tag. URLs still
// become links, as Jupyter links them: GFM finds them in the decoded text.
const SYNTAX = /[&<{}[\]\\*_`~$]/g
const LINE_BREAK = /\r\n?|\n/g
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g
// The equation plugin reads \ref{…} and \eqref{…} in any text as a reference (lib/mdx/equations.mjs).
const REFERENCE = /\\(?=(?:eq)?ref\s*\{)/g

const reference = (char: string) => `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};`

/** Text as MDX JSX children: read back it is the same characters, with no Markdown in them. */
export function jsxText(value: string): string {
  return value
    .replace(CONTROL, '')
    .split(REFERENCE)
    .map((part) => part.replace(SYNTAX, reference).replace(LINE_BREAK, '&#xA;'))
    .join('<span>&#x5C;</span>')
}

/** An element as MDX JSX; `attributes` are this code's own names and values, never notebook text. */
export function jsxElement(name: string, attributes: Record<string, string | number | undefined>, children: string): string {
  const written = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => ` ${key}="${String(value).replace(/[^\w .,:-]/g, '')}"`)
    .join('')
  return `<${name}${written}>${children}</${name}>`
}

/**
 * MDX this code wrote itself, passed to the note's body as written. The Markdown writer would
 * escape it as text, and a JSX tree it writes spreads children over indented lines, which loses
 * the line breaks and leading spaces a <pre> must keep.
 */
export const writtenMdx = (value: string): Html => ({ type: 'html', value })
