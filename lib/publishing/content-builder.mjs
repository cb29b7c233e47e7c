// A warm Contentlayer for the live site. The server (lib/publishing/refresh.ts) starts it once in
// its workspace and sends it one message a refresh: Contentlayer, the config's plugins (Shiki,
// KaTeX) and its cache stay loaded, so a refresh takes a fraction of a second where
// `contentlayer2 build` takes seconds. The config is read anew each time (its pre-build checks and
// notebook conversion run again), exactly as the build runs it. It exits when idle.
import * as core from '@contentlayer2/core'
import { DummyTracing } from '@contentlayer2/utils'
import { pipe, provideConsole, T as Effect } from '@contentlayer2/utils/effect'
import { NodeFsLive } from '@contentlayer2/utils/node'

const IDLE_EXIT_MS = 10 * 60_000

// @effect-ts/core's export map has no types entry, so TypeScript sees none of the functions that
// @contentlayer2/utils re-exports from it.
const T = /** @type {any} */ (Effect)

/** @param {any} effect */
const run = (effect) => pipe(effect, T.provide(DummyTracing), core.provideCwd, provideConsole, T.provideSomeLayer(NodeFsLive), T.either, T.runPromise)

/** @param {any} failure */
function describe(failure) {
  const cause = failure?.error ?? failure
  const text = cause instanceof Error ? cause.message : String(failure)
  return text === '[object Object]' ? JSON.stringify(failure) : text
}

const CONSOLE_METHODS = /** @type {const} */ (['log', 'info', 'warn', 'error'])

/** One build; what Contentlayer and the config print is kept for the author. */
async function build() {
  /** @type {string[]} */
  const output = []
  const original = CONSOLE_METHODS.map((name) => console[name])
  for (const name of CONSOLE_METHODS) console[name] = (...args) => void output.push(args.map(String).join(' '))
  try {
    const config = await run(core.getConfig({}))
    if (config._tag === 'Left') return { ok: false, output: [...output, describe(config.left)].join('\n') }
    const generated = await run(core.generateDotpkg({ config: config.right, verbose: false }))
    if (generated._tag === 'Left') return { ok: false, output: [...output, describe(generated.left)].join('\n') }
    return { ok: true, output: output.join('\n') }
  } catch (error) {
    return { ok: false, output: [...output, describe(error)].join('\n') }
  } finally {
    CONSOLE_METHODS.forEach((name, index) => (console[name] = original[index]))
  }
}

// The server that started it is gone: so is the reason to run.
process.on('disconnect', () => process.exit(0))

/** @type {NodeJS.Timeout | undefined} */
let idle
process.on('message', async (/** @type {{ id: number }} */ { id }) => {
  clearTimeout(idle)
  const result = await build()
  process.send?.({ id, ...result })
  idle = setTimeout(() => process.exit(0), IDLE_EXIT_MS)
})
