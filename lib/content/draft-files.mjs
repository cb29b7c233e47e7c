// Drafts are never built: Contentlayer, the math check and the dev watcher leave them out, so a
// draft saved with an unfinished formula or a refused component cannot fail or reach a build.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { FRONT_MATTER, opensForeignFrontMatter } from '../mdx/front-matter-syntax.mjs'

/**
 * Whether a note file says `draft: true` in plain YAML front matter. Anything unreadable counts
 * as not a draft, so the build reads it and names what is wrong.
 * @param {string} source
 */
export function isDraftSource(source) {
  if (opensForeignFrontMatter(source)) return false
  const match = FRONT_MATTER.exec(source)
  if (!match) return false
  try {
    const fields = parseYaml(match[1], { schema: 'core' })
    return typeof fields === 'object' && fields !== null && !Array.isArray(fields) && fields.draft === true
  } catch {
    return false
  }
}

/**
 * The note files (`notes/<slug>.mdx`, relative to the content folder) that are drafts.
 * @param {string} contentDir
 * @returns {string[]}
 */
export function draftNoteFiles(contentDir) {
  const notes = path.join(contentDir, 'notes')
  if (!existsSync(notes)) return []
  return readdirSync(notes)
    .filter((name) => name.endsWith('.mdx') && isDraftSource(readFileSync(path.join(notes, name), 'utf8')))
    .map((name) => `notes/${name}`)
    .sort()
}
