// KaTeX settings shared by every renderer: the build, the admin preview and feeds. They include
// the author's macros (`<content>/katex-macros.json`), read from disk on use and cached by
// modification time, so a running preview picks up an edited file without a restart.
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { jsonErrorPlace } from '../json-place.mjs'
import { DEFAULT_CONTENT_DIR } from '../settings/defaults.mjs'

export const KATEX_MACROS_FILE = 'katex-macros.json'

const MACRO_NAME = /^\\([A-Za-z]+|[^A-Za-z\s])$/

/** @param {string} [contentDir] */
export function katexMacrosPath(contentDir = process.env.CONTENT_DIR || DEFAULT_CONTENT_DIR) {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), contentDir, KATEX_MACROS_FILE)
}

/**
 * Parses and checks a macro file's text: a JSON object from macro names (`\R`) to their TeX.
 * Throws an error naming the file and the entry at fault.
 * @param {string} text
 * @param {string} file
 * @returns {Record<string, string>}
 */
export function parseKatexMacros(text, file) {
  let data
  try {
    data = JSON.parse(text)
  } catch (error) {
    const message = /** @type {Error} */ (error).message
    throw new Error(`${file}: not valid JSON${jsonErrorPlace(text, message)} (${message})`)
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file}: must be a JSON object of macros, like { "\\\\R": "\\\\mathbb{R}" }`)
  }
  for (const [name, value] of Object.entries(data)) {
    if (!MACRO_NAME.test(name)) {
      throw new Error(`${file}: macro name "${name}" must be a backslash and a command name, like "\\\\R"`)
    }
    if (typeof value !== 'string') throw new Error(`${file}: macro "${name}" must be a string of TeX`)
  }
  return data
}

/** @type {{ file: string, mtimeMs: number, macros: Record<string, string> } | undefined} */
let cached

/**
 * The macros as they are on disk now; a missing file means no macros. A fresh copy each call:
 * KaTeX writes `\gdef` definitions into the object it is given.
 * @param {string} [file]
 * @returns {Record<string, string>}
 */
export function loadKatexMacros(file = katexMacrosPath()) {
  let mtimeMs
  try {
    mtimeMs = statSync(file).mtimeMs
  } catch {
    return {}
  }
  if (!cached || cached.file !== file || cached.mtimeMs !== mtimeMs) {
    cached = { file, mtimeMs, macros: parseKatexMacros(readFileSync(file, 'utf8'), file) }
  }
  return { ...cached.macros }
}

/** The largest size, in em, a formula may ask for (`\\rule`, `\\kern`, `\\hspace`…): KaTeX's default is none. */
export const KATEX_MAX_SIZE_EM = 10
/** How many macro expansions one formula may make (KaTeX's default, set here so it stays bounded). */
export const KATEX_MAX_EXPAND = 1000

/**
 * KaTeX settings for every renderer. `macros` is read on each use, so an edited macro file reaches
 * the running preview; `strict` turns KaTeX's warnings (unknown Unicode, deprecated commands) into
 * errors, which fail the build rather than reach readers. Sizes are capped so a formula cannot
 * draw a block over the page.
 * @type {import('katex').KatexOptions & { macros: Record<string, string> }}
 */
export const katexOptions = {
  strict: 'error',
  maxSize: KATEX_MAX_SIZE_EM,
  maxExpand: KATEX_MAX_EXPAND,
  get macros() {
    return loadKatexMacros()
  },
}


/**
 * The same settings with another `strict`, keeping `macros` read on each use.
 * @param {import('katex').KatexOptions} options
 * @param {import('katex').KatexOptions['strict']} strict
 * @returns {import('katex').KatexOptions}
 */
export function withStrict(options, strict) {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(options), strict: { value: strict, enumerable: true } })
}

/**
 * For notes generated from notebooks, what KaTeX renders though LaTeX would not (a Unicode prime,
 * accented letters in math) is rendered: Jupyter's MathJax shows it, so the author saw it work.
 * The notebook check (lib/notebooks/check-math.ts) reports it as a warning; real errors still fail.
 */
export const notebookKatexOptions = withStrict(katexOptions, 'ignore')
