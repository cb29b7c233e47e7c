export type Segment = { text: string; match: boolean }

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `text` cut into plain and matching segments, for <mark>: matches are words starting with a term. */
export function highlight(text: string, terms: string[]): Segment[] {
  const wanted = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length)
  if (wanted.length === 0) return [{ text, match: false }]
  const pattern = new RegExp(`(${wanted.map(escape).join('|')})`, 'giu')
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: wanted.some((term) => term.toLowerCase() === part.toLowerCase()) }))
}

/** A window of `text` around the first match, so a result shows why it matched. */
export function excerptAround(text: string, terms: string[], length = 160): string {
  const lower = text.toLowerCase()
  const first = Math.min(...terms.map((term) => lower.indexOf(term.toLowerCase())).filter((index) => index >= 0))
  if (!Number.isFinite(first) || first < length / 2) return text.slice(0, length) + (text.length > length ? '…' : '')
  const start = Math.max(0, first - 40)
  return `…${text.slice(start, start + length)}${start + length < text.length ? '…' : ''}`
}
