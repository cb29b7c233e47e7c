#!/usr/bin/env node
// `npm run bench:chart-js`: the JavaScript a note page loads in Chromium, on arrival and once the
// reader has scrolled to the end (where an interactive chart fetches its library), for a note
// without a chart and notes with one. Sizes are bytes on the wire (gzip where the server
// compresses), so one load each. Build first (`npm run build`); `NEXT_DIST_DIR=.next-e2e` measures
// the test build, whose fixture note /notes/interactive-charts holds a Plotly and a Vega-Lite chart.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { benchEnv, serve } from './lib/bench-server.mjs'
import { randomPassword } from './lib/password.mjs'

const root = path.resolve(import.meta.dirname, '..')
const port = 3463
const paths = (process.argv.find((arg) => arg.startsWith('--paths='))?.slice(8) ?? '/notes/cuda,/notes/matmul-cpu-vs-gpu,/notes/interactive-charts').split(',')
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

/** JavaScript bytes received by a page, counted as responses finish. */
function countScripts(page) {
  const counted = { bytes: 0, files: 0, compressed: 0 }
  page.on('requestfinished', async (request) => {
    const response = await request.response()
    if (!response || !/javascript/.test(response.headers()['content-type'] ?? '')) return
    const sizes = await request.sizes()
    counted.bytes += sizes.responseBodySize
    counted.files += 1
    if (response.headers()['content-encoding']) counted.compressed += 1
  })
  return counted
}

async function measure(browser, pagePath) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const scripts = countScripts(page)
  const response = await page.goto(`http://127.0.0.1:${port}${pagePath}`, { waitUntil: 'networkidle' })
  if (!response?.ok()) {
    await page.close()
    return `${pagePath}: answered ${response?.status()}, skipped`
  }
  const onArrival = { ...scripts }
  const charts = page.locator('[data-chart]')
  const count = await charts.count()
  for (let i = 0; i < count; i++) {
    await charts.nth(i).scrollIntoViewIfNeeded()
    await page.waitForFunction((index) => document.querySelectorAll('[data-chart]')[index]?.getAttribute('data-state') !== 'waiting', i, { timeout: 60_000 })
  }
  await page.mouse.wheel(0, 1e6)
  await page.waitForLoadState('networkidle')
  await page.close()
  const charted = count ? `${count} chart${count > 1 ? 's' : ''}` : 'no chart'
  return `${pagePath} (${charted}): on arrival ${kB(onArrival.bytes)} JS in ${onArrival.files} files; scrolled to the end ${kB(scripts.bytes)} in ${scripts.files} files (${scripts.compressed} compressed)`
}

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
const server = await serve(root, port, await benchEnv(randomPassword(), {}, root))
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const pagePath of paths) console.log(await measure(browser, pagePath))
} finally {
  await browser.close()
  server.stop()
}
