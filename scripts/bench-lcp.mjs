#!/usr/bin/env node
// `npm run bench:lcp -- <baseline folder>`: Lighthouse 13 (mobile, simulated throttling) on this
// build and on another build of the site, side by side: LCP, FCP and the category scores, median of
// three runs per page, and what Lighthouse names as the LCP element and the render-blocking files.
// Build both first. Lighthouse is fetched by npx (not a dependency: only this benchmark needs it).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { benchEnv, serve } from './lib/bench-server.mjs'
import { randomPassword } from './lib/password.mjs'

const root = path.resolve(import.meta.dirname, '..')
const baseline = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
const paths = (process.argv.find((arg) => arg.startsWith('--paths='))?.slice(8) ?? '/,/notes/cuda,/notes/matmul-cpu-vs-gpu').split(',')
const RUNS = 3
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'

const sites = [...(baseline ? [{ name: 'baseline', dir: path.resolve(baseline), port: 3443 }] : []), { name: 'this build', dir: root, port: 3444 }]
const servers = []
for (const site of sites) servers.push(await serve(site.dir, site.port, await benchEnv(randomPassword(), {}, site.dir)))
const out = mkdtempSync(path.join(tmpdir(), 'bench-lcp-'))
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function lighthouse(url) {
  const report = path.join(out, 'report.json')
  const run = spawnSync('npx', ['--yes', 'lighthouse@13', url, '--quiet', '--output=json', `--output-path=${report}`, `--chrome-flags=${CHROME_FLAGS}`, '--form-factor=mobile', '--only-categories=performance,accessibility,best-practices,seo'], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`lighthouse ${url}: ${run.stderr.slice(-2000)}`)
  const { audits, categories } = JSON.parse(readFileSync(report, 'utf8'))
  const element = audits['lcp-breakdown-insight']?.details?.items?.find((item) => item.type === 'node')?.nodeLabel ?? '?'
  const blocking = (audits['render-blocking-insight']?.details?.items ?? []).map((item) => `${path.basename(item.url)} ${Math.round(item.totalBytes / 1024)} kB`)
  return {
    lcp: audits['largest-contentful-paint'].numericValue,
    fcp: audits['first-contentful-paint'].numericValue,
    scores: ['accessibility', 'best-practices', 'seo'].map((name) => Math.round(categories[name].score * 100)).join('/'),
    element,
    blocking,
  }
}

try {
  for (const pagePath of paths) {
    console.log(pagePath)
    for (const site of sites) {
      const runs = Array.from({ length: RUNS }, () => lighthouse(`http://127.0.0.1:${site.port}${pagePath}`))
      const last = runs.at(-1)
      console.log(`  ${site.name}: LCP ${(median(runs.map((r) => r.lcp)) / 1000).toFixed(2)} s, FCP ${(median(runs.map((r) => r.fcp)) / 1000).toFixed(2)} s (median of ${RUNS}); a11y/bp/seo ${last.scores}; LCP element "${last.element.slice(0, 60)}"; render-blocking: ${last.blocking.join(', ') || 'none'}`)
    }
  }
} finally {
  servers.forEach((server) => server.stop())
  rmSync(out, { recursive: true, force: true })
}
