#!/usr/bin/env node
// `npm run bench`: what a reader's browser really loads. Builds the site and an empty Next 16 App
// Router page the same way (the framework floor), serves both with `next start`, sums the gzip size
// of the JavaScript each page loads, then runs Lighthouse (mobile) on / and a note page.
// Flags: --no-build (reuse .next), --no-lighthouse.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { benchEnv, serve as serveApp, sh as run } from './lib/bench-server.mjs'
import { randomPassword } from './lib/password.mjs'
import { DEBIAN_CHROMIUM, ensureSystemTools } from './lib/system-deps.mjs'

const root = path.resolve(import.meta.dirname, '..')
const floorDir = path.join(root, '.bench/floor')
const args = new Set(process.argv.slice(2))
const env = await benchEnv(randomPassword())
const SITE_PORT = 3201
const FLOOR_PORT = 3202
const LIGHTHOUSE = 'lighthouse@13.5.0'

const sh = (command, commandArgs, options = {}) => run(command, commandArgs, { env, cwd: root, ...options })

function writeFloorApp() {
  mkdirSync(path.join(floorDir, 'app'), { recursive: true })
  writeFileSync(
    path.join(floorDir, 'app/layout.jsx'),
    'export default function Layout({ children }) {\n  return <html lang="en"><body>{children}</body></html>\n}\n',
  )
  writeFileSync(path.join(floorDir, 'app/page.jsx'), 'export default function Page() {\n  return <p>Hello</p>\n}\n')
  // Its own (empty) config and start-up hook: without them Next takes the site's, found up the
  // folder tree, and the floor would run the site's start-up checks and feed writing.
  writeFileSync(path.join(floorDir, 'next.config.mjs'), 'export default {}\n')
  writeFileSync(path.join(floorDir, 'instrumentation.js'), 'export function register() {}\n')
}

const serve = (cwd, port) => serveApp(cwd, port, env)

/** Sum of the gzip sizes of every script the page's HTML loads (what a first visit downloads). */
async function pageJs(base, pagePath) {
  const html = await (await fetch(base + pagePath)).text()
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))]
  let gzip = 0
  let raw = 0
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())
    raw += body.length
    gzip += gzipSync(body).length
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + m[1].length, 0)
  return { scripts: sources.length, raw, gzip, htmlGzip: gzipSync(html).length, inline }
}

function lighthouse(url) {
  const out = spawnSync(
    'npx',
    [
      '--yes',
      LIGHTHOUSE,
      url,
      '--quiet',
      '--output=json',
      '--form-factor=mobile',
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync`,
    ],
    { env: { ...env, CHROME_PATH: DEBIAN_CHROMIUM }, cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  )
  if (out.status !== 0) throw new Error(`lighthouse failed: ${out.stderr.slice(-500)}`)
  const report = JSON.parse(out.stdout)
  const score = (id) => Math.round(report.categories[id].score * 100)
  const audit = (id) => report.audits[id].displayValue
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    LCP: audit('largest-contentful-paint'),
    TBT: audit('total-blocking-time'),
    CLS: audit('cumulative-layout-shift'),
  }
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

if (!args.has('--no-build')) {
  sh('npm', ['run', 'build'])
  writeFloorApp()
  sh('npx', ['next', 'build'], { cwd: floorDir })
}

const servers = [await serve(root, SITE_PORT)]
try {
  servers.push(await serveApp(floorDir, FLOOR_PORT, await benchEnv(randomPassword(), {}, floorDir)))
} catch (error) {
  // Stop the site's server too, or the next run finds its port taken.
  for (const server of servers) server.stop()
  throw error
}
try {
  const rows = [
    ['empty Next 16 page (floor)', `http://127.0.0.1:${FLOOR_PORT}`, '/'],
    ['/ (profile)', `http://127.0.0.1:${SITE_PORT}`, '/'],
    ['/notes', `http://127.0.0.1:${SITE_PORT}`, '/notes'],
    ['/notes/cuda', `http://127.0.0.1:${SITE_PORT}`, '/notes/cuda'],
    ['/notes/matmul-cpu-vs-gpu (notebook)', `http://127.0.0.1:${SITE_PORT}`, '/notes/matmul-cpu-vs-gpu'],
  ]
  const floor = await pageJs(rows[0][1], '/')
  console.log('\nJavaScript a first visit loads (gzip, sum of <script src> in the served HTML)')
  console.log('page                          scripts   raw JS     gzip JS   vs floor   HTML gzip')
  for (const [label, base, pagePath] of rows) {
    const m = await pageJs(base, pagePath)
    const delta = m.gzip - floor.gzip
    console.log(
      `${label.padEnd(30)}${String(m.scripts).padStart(7)}${kB(m.raw).padStart(11)}${kB(m.gzip).padStart(11)}${`${delta >= 0 ? '+' : ''}${kB(delta)}`.padStart(11)}${kB(m.htmlGzip).padStart(12)}`,
    )
  }

  if (!args.has('--no-lighthouse') && ensureSystemTools({ browserOnly: true })) {
    console.log(`\nLighthouse (${LIGHTHOUSE}, mobile, Debian chromium)`)
    const targets = [
      ['floor', `http://127.0.0.1:${FLOOR_PORT}/`],
      ['/', `http://127.0.0.1:${SITE_PORT}/`],
      ['/notes/cuda', `http://127.0.0.1:${SITE_PORT}/notes/cuda`],
    ]
    for (const [label, url] of targets) {
      const result = lighthouse(url)
      console.log(`${label.padEnd(14)} ${Object.entries(result).map(([k, v]) => `${k} ${v}`).join(' · ')}`)
    }
  }
} finally {
  for (const server of servers) server.stop()
}
