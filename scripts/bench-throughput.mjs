#!/usr/bin/env node
// `npm run bench:throughput -- <baseline folder>`: reader throughput of this build against another
// build of the site (the previous commit, say, built in a folder of its own), side by side on one
// machine: wrk (Debian's package) alternates between the two, three rounds per path, medians.
// Build both first (`npm run build` here and in the baseline folder). Paths: --paths=/,/notes/cuda
import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import { benchEnv, serve } from './lib/bench-server.mjs'
import { randomPassword } from './lib/password.mjs'

const root = path.resolve(import.meta.dirname, '..')
const baseline = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
const paths = (process.argv.find((arg) => arg.startsWith('--paths='))?.slice(8) ?? '/notes/cuda,/,/feed.xml').split(',')
if (!baseline) {
  console.error('Usage: npm run bench:throughput -- <folder with a built baseline of the site>')
  process.exit(2)
}
if (spawnSync('which', ['wrk']).status !== 0) {
  console.error('wrk is not installed (apt-get install wrk)')
  process.exit(2)
}

const sites = [
  { name: 'baseline', dir: path.resolve(baseline), port: 3441 },
  { name: 'this build', dir: root, port: 3442 },
]
const servers = []
for (const site of sites) servers.push(await serve(site.dir, site.port, await benchEnv(randomPassword(), {}, site.dir)))

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
try {
  for (const pagePath of paths) {
    const runs = new Map(sites.map((site) => [site.name, []]))
    for (let round = 0; round < 3; round++) {
      for (const site of sites) {
        const out = execFileSync('wrk', ['-t2', '-c32', '-d8s', '--latency', '-H', 'Accept-Encoding: gzip', `http://127.0.0.1:${site.port}${pagePath}`], { encoding: 'utf8' })
        runs.get(site.name).push({ rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]), p99: /99%\s+(\S+)/.exec(out)?.[1] })
      }
    }
    const [before, after] = sites.map((site) => median(runs.get(site.name).map((run) => run.rps)))
    console.log(`${pagePath}: baseline ${before.toFixed(0)} req/s, this build ${after.toFixed(0)} req/s (×${(after / before).toFixed(2)})`)
    for (const site of sites) console.log(`  ${site.name}: ${runs.get(site.name).map((run) => `${run.rps.toFixed(0)} req/s, p99 ${run.p99}`).join(' | ')}`)
  }
} finally {
  servers.forEach((server) => server.stop())
}
