#!/usr/bin/env node
// `npm run bench:pages -- <baseline folder>`: what a page weighs, this build against another build
// of the site, side by side: the HTML, its gzip size, and the share of it that is the React Server
// Components payload (the article's second copy, which the client router hydrates from). Sizes do
// not depend on load, so one fetch each. Build both first (`npm run build`).
import { gzipSync } from 'node:zlib'
import path from 'node:path'
import { benchEnv, serve } from './lib/bench-server.mjs'
import { randomPassword } from './lib/password.mjs'

const root = path.resolve(import.meta.dirname, '..')
const baseline = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
const paths = (process.argv.find((arg) => arg.startsWith('--paths='))?.slice(8) ?? '/,/notes/cuda,/notes/matmul-cpu-vs-gpu').split(',')
const sites = [...(baseline ? [{ name: 'baseline', dir: path.resolve(baseline), port: 3461 }] : []), { name: 'this build', dir: root, port: 3462 }]

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

/** The page's HTML size, gzip size and the payload's share of the HTML. */
async function weigh(port, pagePath) {
  const response = await fetch(`http://127.0.0.1:${port}${pagePath}`)
  if (!response.ok) throw new Error(`${pagePath} answered ${response.status}`)
  const html = await response.text()
  const payload = [...html.matchAll(/<script>(self\.__next_f[\s\S]*?)<\/script>/g)].reduce((sum, match) => sum + match[1].length, 0)
  return `${kB(html.length)} HTML, ${kB(gzipSync(html).length)} gzip, payload ${Math.round((100 * payload) / html.length)} %`
}

const servers = []
try {
  for (const site of sites) servers.push(await serve(site.dir, site.port, await benchEnv(randomPassword(), {}, site.dir)))
  for (const pagePath of paths) {
    console.log(pagePath)
    for (const site of sites) console.log(`  ${site.name}: ${await weigh(site.port, pagePath)}`)
  }
} finally {
  servers.forEach((server) => server.stop())
}
