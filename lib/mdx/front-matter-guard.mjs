// gray-matter, which mdx-bundler runs on every source it compiles and Contentlayer on every file,
// *evaluates* a block that opens with `---js` (or `--- javascript`) wherever such text begins a
// source: a note file, a whole body or one block of the preview. Notes only ever have YAML front
// matter written by our code, so every process that compiles MDX takes the JavaScript engine away.
import { createRequire } from 'node:module'

export { opensForeignFrontMatter } from './front-matter-syntax.mjs'

const require = createRequire(import.meta.url)

export const EXECUTABLE_FRONT_MATTER_MESSAGE =
  'Front matter written as JavaScript (---js) is never run: note fields are plain YAML set by the editor.'

const refuse = {
  parse() {
    throw new Error(EXECUTABLE_FRONT_MATTER_MESSAGE)
  },
  stringify() {
    throw new Error(EXECUTABLE_FRONT_MATTER_MESSAGE)
  },
}

/**
 * Replaces gray-matter's JavaScript engine, process-wide, with one that refuses: gray-matter copies
 * its default engines into the options of every call, so this reaches callers that pass their own
 * options too (Contentlayer passes a YAML engine and keeps the default JavaScript one).
 */
export function disableExecutableFrontMatter() {
  const engines = /** @type {Record<string, unknown>} */ (require('gray-matter/lib/engines.js'))
  engines.javascript = refuse
  engines.js = refuse
}

/**
 * For mdx-bundler's `grayMatterOptions`: the same refusal on this call, whatever else happened in
 * the process.
 * @template {{ engines?: unknown }} Options
 * @param {Options} options
 * @returns {Options}
 */
export function grayMatterOptions(options) {
  const engines = /** @type {Record<string, unknown>} */ (options.engines ?? {})
  return { ...options, engines: { ...engines, javascript: refuse, js: refuse } }
}

disableExecutableFrontMatter()
