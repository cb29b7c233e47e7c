// citation-js, loaded with Node's require rather than imported: Contentlayer bundles its config
// with esbuild, which inlines scoped packages (@citation-js/*) into an ES module where their own
// require() of a dependency then fails ("Dynamic require … is not supported").
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** @type {typeof import('@citation-js/core')} */
const core = require('@citation-js/core')
// The plugins register themselves with core: BibTeX input, and CSL output with the APA style and
// en-US locale bundled (nothing is fetched).
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-csl')

export const { plugins } = core
