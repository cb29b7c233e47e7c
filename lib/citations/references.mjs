// The author's bibliography (`<content>/references.bib`), parsed by citation-js into CSL items.
// Read from disk on use and cached by modification time, like the KaTeX macros, so the admin
// preview picks up an edited file without a restart.
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { plugins } from './citation-js.mjs'
import { DEFAULT_CONTENT_DIR } from '../settings/defaults.mjs'

export const REFERENCES_FILE = 'references.bib'

/** @typedef {Record<string, unknown> & { id: string }} CslItem */

/** @param {string} [contentDir] */
export function referencesPath(contentDir = process.env.CONTENT_DIR || DEFAULT_CONTENT_DIR) {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), contentDir, REFERENCES_FILE)
}

/**
 * Parses a BibTeX file's text into its entries by key. Throws an error naming the file and what
 * is wrong: a syntax error (with its line), text that is not BibTeX, or a key used twice.
 * @param {string} text
 * @param {string} file
 * @returns {Map<string, CslItem>}
 */
export function parseReferences(text, file) {
  // Only comments and blank space: no entries (citation-js calls that "not recognized").
  if (!text.includes('@')) {
    if (text.split('\n').some((line) => line.trim() && !line.trim().startsWith('%'))) throw new Error(`${file}: not BibTeX: entries start with @type{key, …}`)
    return new Map()
  }
  /** @type {CslItem[]} */
  let items
  try {
    items = plugins.input.chain(text, { target: '@csl/list+object', generateGraph: false })
  } catch (error) {
    // citation-js's syntax errors quote the lines around the mistake: the first line says where.
    const first = /** @type {Error} */ (error).message.split('\n')[0].replace(/:\s*$/, '')
    throw new Error(`${file}: not valid BibTeX: ${first}`)
  }
  /** @type {Map<string, CslItem>} */
  const byKey = new Map()
  for (const item of items) {
    if (byKey.has(item.id)) throw new Error(`${file}: the key "${item.id}" is used by two entries`)
    byKey.set(item.id, item)
  }
  return byKey
}

/** @type {{ file: string, mtimeMs: number, references: Map<string, CslItem> } | undefined} */
let cached

/**
 * The references as they are on disk now; a missing file means none.
 * @param {string} [file]
 * @returns {Map<string, CslItem>}
 */
export function loadReferences(file = referencesPath()) {
  let mtimeMs
  try {
    mtimeMs = statSync(file).mtimeMs
  } catch {
    return new Map()
  }
  if (!cached || cached.file !== file || cached.mtimeMs !== mtimeMs) {
    cached = { file, mtimeMs, references: parseReferences(readFileSync(file, 'utf8'), file) }
  }
  return cached.references
}
