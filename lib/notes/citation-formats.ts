import { doiUrl } from './doi'

/** What a citation needs of a published note; dates are ISO strings (a calendar day in UTC). */
export type CitableNote = {
  slug: string
  title: string
  date: string
  updated?: string
  /** The note's absolute address. */
  url: string
  doi?: string
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function calendarDay(iso: string) {
  const date = new Date(iso)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() }
}

const pad = (value: number) => String(value).padStart(2, '0')

// The site writes the author's name given names first, family name last ("Arun Kumar RN"): the
// last word stands where a surname does, so citations give "RN, A. K." as the author signs.
function nameParts(fullName: string) {
  const words = fullName.trim().split(/\s+/).filter(Boolean)
  return { family: words.at(-1) ?? '', given: words.slice(0, -1) }
}

/** "Family, Given Names": the inverted form BibTeX and Google Scholar parse without guessing. */
export function invertedName(fullName: string): string {
  const { family, given } = nameParts(fullName)
  return given.length > 0 ? `${family}, ${given.join(' ')}` : family
}

/** APA 7: family name, then the initials of each given name ("Jean-Paul" gives "J.-P."). */
export function apaAuthor(fullName: string): string {
  const { family, given } = nameParts(fullName)
  const initials = given.map((name) =>
    name
      .split('-')
      .filter(Boolean)
      .map((part) => `${[...part][0].toUpperCase()}.`)
      .join('-'),
  )
  return initials.length > 0 ? `${family}, ${initials.join(' ')}` : family
}

const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '#': '\\#',
  $: '\\$',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
}

/**
 * Text safe inside a braced BibTeX field, printed by LaTeX as written. Math in a title is escaped
 * too: the page shows titles as plain text, so the citation reproduces what the reader saw.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&_#$^~<>]/g, (character) => LATEX_SPECIAL[character])
}

/**
 * Stable as long as the note is: the author's family name, the year first published and the slug
 * (unique among notes, and fixed once a note is public), e.g. `rn2020cuda`.
 */
export function citationKey(fullName: string, note: Pick<CitableNote, 'slug' | 'date'>): string {
  const family = nameParts(fullName)
    .family.normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
  const slug = note.slug.toLowerCase().replace(/[^a-z0-9-]/g, '')
  return `${family || 'note'}${calendarDay(note.date).year}${slug}`
}

function isoDate(iso: string): string {
  const { year, month, day } = calendarDay(iso)
  return `${year}-${pad(month + 1)}-${pad(day)}`
}

/** An @misc entry (read by BibTeX and biblatex alike); the title in double braces keeps its capitals. */
export function bibtexEntry(fullName: string, note: CitableNote): string {
  const { year, month } = calendarDay(note.date)
  const fields: [string, string][] = [
    ['author', `{${escapeBibtex(invertedName(fullName))}}`],
    ['title', `{{${escapeBibtex(note.title)}}}`],
    ['year', `{${year}}`],
    ['month', BIBTEX_MONTHS[month]],
    ['url', `{${note.url}}`],
    ...(note.doi ? ([['doi', `{${note.doi}}`]] as [string, string][]) : []),
    ['note', `{Learning note${note.updated ? `, last updated ${isoDate(note.updated)}` : ''}}`],
  ]
  const body = fields.map(([name, value]) => `  ${name.padEnd(6)} = ${value}`).join(',\n')
  return `@misc{${citationKey(fullName, note)},\n${body}\n}`
}

const endsSentence = (text: string) => /[.?!]$/.test(text)

/**
 * An APA 7 reference for a post on a site. Dated by the last update when there is one (APA: the
 * date the cited content last changed); the site's name is left out when it is the author's; a DOI
 * replaces the page address. Titles stay as written: sentence case would lower "PyTorch" or "CUDA".
 */
export function apaReference(fullName: string, siteName: string, note: CitableNote): string {
  const { year, month, day } = calendarDay(note.updated ?? note.date)
  const author = apaAuthor(fullName)
  const title = note.title.trim()
  const parts = [
    `${author}${endsSentence(author) ? '' : '.'}`,
    `(${year}, ${MONTHS[month]} ${day}).`,
    `${title}${endsSentence(title) ? '' : '.'}`,
    ...(siteName.trim() !== fullName.trim() ? [`${siteName}.`] : []),
    note.doi ? doiUrl(note.doi) : note.url,
  ]
  return parts.join(' ')
}

/** Google Scholar wants full dates as year/month/day. */
export function scholarDate(iso: string): string {
  const { year, month, day } = calendarDay(iso)
  return `${year}/${pad(month + 1)}/${pad(day)}`
}

/**
 * The Highwire Press tags Google Scholar reads (scholar.google.com/intl/en/scholar/inclusion.html),
 * as `<meta name>` → content. A note has no print edition, so its online date is its publication
 * date and citation_online_date would only repeat it.
 */
export function scholarTags(fullName: string, note: CitableNote): Record<string, string> {
  return {
    citation_title: note.title,
    citation_author: invertedName(fullName),
    citation_publication_date: scholarDate(note.date),
    ...(note.doi ? { citation_doi: note.doi } : {}),
  }
}
