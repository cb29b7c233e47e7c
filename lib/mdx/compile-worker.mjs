// Compiles a note body exactly as Contentlayer does at build time (mdx-bundler, the shared
// pipeline), in a worker thread so the admin preview can stop a compile that runs too long.
// Only bodies that passed the MDX policy (lib/mdx/policy.ts) are ever sent here.
import { parentPort } from 'node:worker_threads'
import katex from 'katex'
import { bundleMDX } from 'mdx-bundler'
import { warmUpCitations } from '../citations/format.mjs'
import { grayMatterOptions } from './front-matter-guard.mjs'
import { memoize } from './memoize.mjs'
import { rehypePlugins, remarkPlugins } from './pipeline.mjs'

// rehype-katex calls katex.renderToString for every formula on every compile; the output depends
// only on the formula and the options, so the worker remembers it (errors are thrown anew).
katex.renderToString = memoize(katex.renderToString, (tex, options) => JSON.stringify([tex, options ?? null]))

// Next's types make NODE_ENV read-only; this worker runs outside Next and must set it.
const env = /** @type {Record<string, string | undefined>} */ (process.env)
env.NODE_ENV ??= 'production'

/** @param {string} source */
async function compile(source) {
  const { code } = await bundleMDX({
    source,
    grayMatterOptions,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), ...remarkPlugins]
      options.rehypePlugins = [...(options.rehypePlugins ?? []), ...rehypePlugins]
      return options
    },
    esbuildOptions(options) {
      options.target = 'es2020'
      return options
    },
  })
  return code
}

// While the author types, one block changes and the rest compile the same as last time.
const compileBlock = memoize(compile, (source) => source, 2_000)

// Parsing the citation style takes longer than most previews: done once, before the first job,
// and the preview's time limit starts counting when the worker says it is ready.
warmUpCitations()
parentPort?.postMessage({ ready: true })

parentPort?.on('message', async (/** @type {{ id: number, source?: string, blocks?: string[] }} */ { id, source, blocks }) => {
  try {
    const codes = blocks ? await Promise.all(blocks.map(compileBlock)) : [await compile(source ?? '')]
    parentPort?.postMessage({ id, ok: true, codes })
  } catch (error) {
    const failure = /** @type {{ message?: string, errors?: { text: string }[] }} */ (error)
    const message = failure.errors?.map((e) => e.text).join('\n') || failure.message || String(error)
    parentPort?.postMessage({ id, ok: false, message })
  }
})
