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

/** Inline Markdown reduced to the text rehype-slug sees, so ids match the rendered headings. */
export function plainHeadingText(markdown: string): string {
  const text = replaceLinksWithText(replaceLinksWithText(markdown.replace(EMPTY_SPAN, ''), '!['))
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(\*|_)(.*?)\1/g, '$2')
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
