import { trimChars, trimEndChars } from '@/lib/text-trim.mjs'

export const MAX_SLUG_LENGTH = 80

// Names that mean something to Windows file systems, or to the site's own routes.
const RESERVED = new Set([
  'con', 'prn', 'aux', 'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
  'index', 'new', 'feed', 'atom', 'rss', 'opengraph-image', 'twitter-image',
])

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export type SlugResult = { ok: true; slug: string } | { ok: false; error: string }

/**
 * A note's file name: lowercase letters, digits and single hyphens, nothing else. Checked on the
 * raw value, never decoded first, so `%2e%2e`, `..`, `/`, `\` and NUL can never reach a path.
 */
export function validateSlug(value: unknown): SlugResult {
  if (typeof value !== 'string' || value.length === 0) return { ok: false, error: 'The slug is empty.' }
  if (value.length > MAX_SLUG_LENGTH) return { ok: false, error: `The slug is longer than ${MAX_SLUG_LENGTH} characters.` }
  if (!SLUG.test(value)) {
    return { ok: false, error: 'The slug may only contain lowercase letters, digits and single hyphens (e.g. "cuda-streams").' }
  }
  if (RESERVED.has(value)) return { ok: false, error: `"${value}" is reserved; choose another slug.` }
  return { ok: true, slug: value }
}

/** A slug proposed from a title ("CUDA: streams & events" → "cuda-streams-events"). */
export function slugFromTitle(title: string): string {
  const hyphenated = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
  return trimEndChars(trimChars(hyphenated, '-').slice(0, MAX_SLUG_LENGTH), '-')
}
