import GithubSlugger from 'github-slugger'
import { trimEndChars } from '@/lib/text-trim.mjs'
import { replaceFencedCode } from './fenced-code'
import { replaceLinksWithText, replaceTags } from './inline-markup'

export const WORDS_PER_MINUTE = 220

export type Heading = {
  level: 2 | 3
  text: string
  id: string
}

const DISPLAY_MATH = /^\$\$[\s\S]*?^\$\$/gm
const MARKDOWN_PUNCTUATION = /[#>*_`~[\]()|-]/g
// An anchor in a heading (`## <span id="setup" />Setup`, from a notebook's `<a id>`): no text.
const EMPTY_SPAN = /<span\s[^<>]{0,500}\/>/g

/** Prose words in a Markdown/MDX body: code, display math and JSX tags are not read aloud. */
export function countWords(body: string): number {
  const withoutCode = replaceFencedCode(body, ' ').replace(DISPLAY_MATH, ' ')
  const prose = replaceTags(withoutCode, ' ').replace(MARKDOWN_PUNCTUATION, ' ')
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
}

// What stands for itself in a heading: a code span, a backslash escape, a character reference.
const LITERAL = /`([^`]*)`|\\([!-/:-@[-`{-~])|&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi
const HELD = /\uE000(\d+)\uE001/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function referenced(name: string): string {
  const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : name.startsWith('#') ? Number(name.slice(1)) : undefined
  if (code === undefined) return NAMED[name.toLowerCase()] ?? ''
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD'
}

/**
 * Inline Markdown reduced to the text rehype-slug sees, so ids match the rendered headings. Code
 * spans, escapes (`\&`) and character references (`&#x61;`, which the notebook converter writes)
 * are text: held aside while emphasis markers go, so `y_true` in code is not read as emphasis.
 */
export function plainHeadingText(markdown: string): string {
  const held: string[] = []
  const text = replaceLinksWithText(replaceLinksWithText(markdown.replace(EMPTY_SPAN, ''), '!['))
    .replace(LITERAL, (_match, code: string | undefined, escaped: string | undefined, reference: string | undefined) => {
      held.push(code ?? escaped ?? referenced(reference ?? ''))
      return `\uE000${held.length - 1}\uE001`
    })
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(\*|_)(.*?)\1/g, '$2')
    .replace(HELD, (_match, index: string) => held[Number(index)])
  return withoutClosingHashes(text).trim()
}

/** An ATX heading's closing "##" gone, as `.replace(/\s+#+\s*$/, '')` (quadratic on long runs). */
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd()
  const beforeHashes = trimEndChars(trimmed, '#')
  const spaced = beforeHashes.length < trimmed.length && beforeHashes.trimEnd().length < beforeHashes.length
  return spaced ? beforeHashes.trimEnd() : text
}

/** The h2/h3 outline of a body, with the same ids rehype-slug gives the rendered headings. */
export function extractHeadings(body: string): Heading[] {
  const slugger = new GithubSlugger()
  const withoutCode = replaceFencedCode(body, '')
  const headings: Heading[] = []
  for (const match of withoutCode.matchAll(/^(#{1,6})[ \t]+(.+)$/gm)) {
    const text = plainHeadingText(match[2])
    const id = slugger.slug(text)
    const level = match[1].length
    if (level === 2 || level === 3) headings.push({ level, text, id })
  }
  return headings
}

export function slugify(value: string): string {
  return new GithubSlugger().slug(value.trim())
}
