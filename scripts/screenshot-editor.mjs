#!/usr/bin/env node
// Screenshots of the editor and the notes list at a desktop and a phone width, with the figures
// an author feels: where the body starts, how wide it is, whether the page scrolls sideways.
//
//   node scripts/screenshot-editor.mjs <out-dir> [--dist .next-e2e] [--content .test-content] [--note cuda]
//
// Starts `next start` on the given build (the e2e build by default, made by `npm test`) with a
// throwaway author, signs in and measures. Compare two commits by pointing --dist at each build.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { benchEnv, serve } from './lib/bench-server.mjs'
import { randomPassword } from './lib/password.mjs'
import { DEBIAN_CHROMIUM } from './lib/system-deps.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? fallback : args[at + 1]
}
const outDir = path.resolve(args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--')) ?? '.bench/screenshots')
const dist = option('dist', '.next-e2e')
const content = option('content', '.test-content')
const note = option('note', 'cuda')
const cwd = path.resolve(option('project', '.'))
const port = Number(option('port', 3391))
const origin = `http://127.0.0.1:${port}`

const VIEWPORTS = [
  { name: 'desktop', width: 1400, height: 950 },
  { name: 'phone', width: 390, height: 844 },
]

const password = randomPassword()
const email = 'bench@example.com'
const env = await benchEnv(password, { NEXTAUTH_URL: origin, CONTENT_DIR: content, AUTH_STATE_DIR: `${content}/.auth-state`, NEXT_DIST_DIR: dist }, cwd)
const server = await serve(cwd, port, env, '/sign-in')

/** Top and width of the body editor, the first field and the preview, and the page's overflow. */
const measure = (page) =>
  page.evaluate(() => {
    const box = (selector) => {
      const element = document.querySelector(selector)
      if (!element) return null
      const rect = element.getBoundingClientRect()
      return { top: Math.round(rect.top + window.scrollY), width: Math.round(rect.width) }
    }
    return {
      body: box('.cm-content'),
      preview: box('[data-testid="preview"]'),
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }
  })

try {
  mkdirSync(outDir, { recursive: true })
  const browser = await chromium.launch({
    executablePath: DEBIAN_CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${viewport.width % 250}` } })
    const page = await context.newPage()
    await page.goto(`${origin}/sign-in`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL(`${origin}/admin`)
    await page.getByRole('table').waitFor()
    await page.screenshot({ path: path.join(outDir, `list-${viewport.name}.png`), fullPage: false })
    const list = await page.evaluate(() => ({ pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }))
    await page.goto(`${origin}/admin/notes/${note}`)
    await page.locator('.cm-content').waitFor()
    await page.screenshot({ path: path.join(outDir, `editor-${viewport.name}.png`), fullPage: false })
    const editor = await measure(page)
    console.log(`${viewport.name} ${viewport.width}×${viewport.height}: ${JSON.stringify({ list, editor })}`)
    await context.close()
  }
  await browser.close()
  console.log(`screenshots in ${path.relative(process.cwd(), outDir)}/`)
} finally {
  server.stop()
}
