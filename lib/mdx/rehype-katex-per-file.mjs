import rehypeKatex from 'rehype-katex'

/**
 * @typedef {object} PerFileKatexOptions
 * @property {import('rehype-katex').Options} options the settings for most files
 * @property {import('rehype-katex').Options} lenientOptions the settings for the files `isLenient` names
 * @property {(file: import('vfile').VFile) => boolean} isLenient
 */

/**
 * rehype-katex with settings chosen per file: notes generated from notebooks render what Jupyter
 * showed, while notes written here keep the strict settings their editor checked them with.
 * @param {PerFileKatexOptions} settings
 */
export default function rehypeKatexPerFile({ options, lenientOptions, isLenient }) {
  const strict = rehypeKatex(options)
  const lenient = rehypeKatex(lenientOptions)
  return (/** @type {import('hast').Root} */ tree, /** @type {import('vfile').VFile} */ file) => (isLenient(file) ? lenient : strict)(tree, file)
}
