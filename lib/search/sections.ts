import GithubSlugger from 'github-slugger'
import { replaceLinksWithText, replaceTags } from '@/lib/notes/inline-markup'
import { plainHeadingText } from '@/lib/notes/text'
import type { SearchSection } from './options'

type NoteForSearch = { slug: string; url: string; title: string; summary: string; tags: string[] }

const EXCERPT_LENGTH = 120

// /^(#{1,6})[ \t]+(.+)$/ with the blanks and the text kept apart, so a long run of blanks that does
// not end the line is not split every way: the text starts at the first character that is not a
// blank (`.` matches no line terminator), or is the last blank of a line of blanks.
const HEADING_LINE = /^(#{1,6})[ \t]+([^ \t\n\r\u2028\u2029].*|[ \t])$/

/** Body text as a reader sees it, code kept (identifiers are searched), Markdown and JSX marks gone. */
export function searchableText(markdown: string): string {
  const withoutTags = replaceTags(markdown.replace(/^(```|~~~)[^\n]*$/gm, ' '), ' ')
  return replaceLinksWithText(replaceLinksWithText(withoutTags, '!['))
    .replace(/[*_`#>|]+/g, (marks) => (/_/.test(marks) && marks.length === 1 ? marks : ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A note split at its headings, each part linking to its heading (with the ids rehype-slug gives
 * the rendered headings, numbered when repeated), so a match opens where it was found.
 */
export function noteSections(note: NoteForSearch, body: string): SearchSection[] {
  const slugger = new GithubSlugger()
  const sections: SearchSection[] = []
  let heading = ''
  let anchor = ''
  let lines: string[] = []
  let inCode = false
  const flush = () => {
    const text = searchableText(lines.join('\n'))
    if (text || heading || sections.length === 0) {
      // Title, tags and summary are indexed once, on the note's first section (its top), not on
      // every section: the index stays smaller and a match on them opens the note itself.
      const first = sections.length === 0
      sections.push({
        id: `${note.slug}#${anchor}`,
        url: anchor ? `${note.url}#${anchor}` : note.url,
        noteTitle: note.title,
        title: first ? note.title : '',
        heading,
        tags: first ? note.tags.join(' ') : '',
        summary: first ? note.summary : '',
        text,
        excerpt: text.slice(0, EXCERPT_LENGTH),
      })
    }
    lines = []
  }
  for (const line of body.split('\n')) {
    if (/^(```|~~~)/.test(line)) inCode = !inCode
    const match = inCode ? null : HEADING_LINE.exec(line)
    if (!match) {
      lines.push(line)
      continue
    }
    flush()
    heading = plainHeadingText(match[2])
    anchor = slugger.slug(heading)
  }
  flush()
  return sections
}
