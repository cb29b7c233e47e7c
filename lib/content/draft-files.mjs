// Drafts are never built: Contentlayer, the math check and the dev watcher leave them out, so a
// draft saved with an unfinished formula or a refused component cannot fail or reach a build.
// A note scheduled for later (`publishAt` in the future) is a draft until that instant: left out
// the same way, so nothing of it reaches a page, list, feed, index or chunk before then.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { FRONT_MATTER, opensForeignFrontMatter } from '../mdx/front-matter-syntax.mjs'
import { parseInstant, scheduledAfter } from '../notes/publish-at.mjs'
import { now as clockNow } from './clock.mjs'

/**
 * The plain YAML front matter of a note file, or undefined when there is none it can read.
 * @param {string} source
 * @returns {Record<string, unknown> | undefined}
 */
function frontMatterFields(source) {
  if (opensForeignFrontMatter(source)) return undefined
  const match = FRONT_MATTER.exec(source)
  if (!match) return undefined
  try {
    const fields = parseYaml(match[1], { schema: 'core' })
    return typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? fields : undefined
  } catch {
    return undefined
  }
}

/**
 * When a note file is scheduled to become public (ms), or undefined: not scheduled, a draft, or a
 * `publishAt` that is not an instant (which the build then reads, and refuses naming the field).
 * @param {string} source
 * @returns {number | undefined}
 */
export function scheduledInstant(source) {
  const fields = frontMatterFields(source)
  if (!fields || fields.draft === true) return undefined
  return parseInstant(fields.publishAt)
}

/**
 * Whether a note file is kept from readers: `draft: true`, or scheduled for after `at`. Anything
 * unreadable counts as neither, so the build reads it and names what is wrong.
 * @param {string} source
 * @param {number} [at] the current time (the site's clock by default)
 */
export function isDraftSource(source, at) {
  const fields = frontMatterFields(source)
  if (!fields) return false
  return fields.draft === true || scheduledAfter(fields, at ?? clockNow()) !== undefined
}

/**
 * The note files (`notes/<slug>.mdx`, relative to the content folder) that are drafts or
 * scheduled for later, at `at` (the site's clock by default).
 * @param {string} contentDir
 * @param {number} [at]
 * @returns {string[]}
 */
export function draftNoteFiles(contentDir, at = clockNow()) {
  const notes = path.join(contentDir, 'notes')
  if (!existsSync(notes)) return []
  return readdirSync(notes)
    .filter((name) => name.endsWith('.mdx') && isDraftSource(readFileSync(path.join(notes, name), 'utf8'), at))
    .map((name) => `notes/${name}`)
    .sort()
}

/**
 * The note files scheduled for after `at`: left out of the build like drafts, but checked now.
 * @param {string} contentDir
 * @param {number} [at]
 * @returns {string[]}
 */
export function scheduledNoteFiles(contentDir, at = clockNow()) {
  const notes = path.join(contentDir, 'notes')
  if (!existsSync(notes)) return []
  return readdirSync(notes)
    .filter((name) => {
      if (!name.endsWith('.mdx')) return false
      const instant = scheduledInstant(readFileSync(path.join(notes, name), 'utf8'))
      return instant !== undefined && instant > at
    })
    .map((name) => `notes/${name}`)
    .sort()
}
