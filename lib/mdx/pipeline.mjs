// One pipeline for every place Markdown becomes HTML (the build, the admin preview and feeds), so
// readers see exactly what the author previewed. Plain JavaScript (typed by its JSDoc): the
// preview compile worker loads it with Node directly, outside the Next bundle.
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypeKatex from 'rehype-katex'
import rehypePrettyCode from 'rehype-pretty-code'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkCitations from '../citations/remark-citations.mjs'
import rehypeCodeColourClasses from './code-colours.mjs'
import { rehypeFailOnMathErrors, remarkEquations } from './equations.mjs'
import { katexOptions, notebookKatexOptions } from './katex-options.mjs'
import rehypeKatexPerFile from './rehype-katex-per-file.mjs'
import rehypeSidenotes from './rehype-sidenotes.mjs'
import rehypeTaskListLabels from './rehype-task-list-labels.mjs'

/** @type {import('rehype-pretty-code').Options} */
const prettyCodeOptions = {
  theme: { light: 'github-light-default', dark: 'github-dark-default' },
  keepBackground: false,
  defaultLang: { block: 'plaintext' },
}

/**
 * @param {import('hast').Element} heading
 * @returns {boolean}
 */
function headingWithoutLink(heading) {
  /** @param {import('hast').ElementContent} node @returns {boolean} */
  const holdsLink = (node) => node.type === 'element' && (node.tagName === 'a' || node.children.some(holdsLink))
  return !heading.children.some(holdsLink)
}

/** @type {import('unified').PluggableList} */
export const remarkPlugins = [remarkGfm, remarkMath, remarkEquations, remarkCitations]

/**
 * The rehype plugins. `lenientMathFor` names the files (the build's notes generated from
 * notebooks) whose math is rendered with notebookKatexOptions; every other file gets katexOptions.
 * @param {{ lenientMathFor?: (file: import('vfile').VFile) => boolean }} [options]
 * @returns {import('unified').PluggableList}
 */
export function rehypePluginsFor({ lenientMathFor } = {}) {
  return [
    rehypeSlug,
    rehypeTaskListLabels,
    // A heading that holds a link keeps its id but is not wrapped: a link in a link is invalid
    // HTML, and React's hydration fails on it.
    [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] }, test: headingWithoutLink }],
    lenientMathFor
      ? [rehypeKatexPerFile, { options: katexOptions, lenientOptions: notebookKatexOptions, isLenient: lenientMathFor }]
      : [rehypeKatex, katexOptions],
    rehypeFailOnMathErrors,
    [rehypePrettyCode, prettyCodeOptions],
    rehypeCodeColourClasses,
    rehypeSidenotes,
  ]
}

/** @type {import('unified').PluggableList} */
export const rehypePlugins = rehypePluginsFor()
