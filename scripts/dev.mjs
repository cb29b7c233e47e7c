#!/usr/bin/env node
// `npm run dev`: build the content once (so the first request never sees a missing
// .contentlayer), then run Contentlayer's watcher beside `next dev`, so saving a note reloads it.
import { spawn, spawnSync } from 'node:child_process'
import { watch } from 'node:fs'
import path from 'node:path'
import { DEFAULT_CONTENT_DIR } from '../lib/settings/defaults.mjs'
import { ensureDevCredentials } from './lib/dev-env.mjs'
import { draftNoteFiles } from '../lib/content/draft-files.mjs'

const root = path.resolve(import.meta.dirname, '..')
const port = process.env.PORT ?? '3000'
// In development the sign-in callback may be reached as localhost or 127.0.0.1.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PWD: root, AUTH_TRUST_HOST: '1' }

await ensureDevCredentials(root, port)
const contentlayer = path.join(root, 'node_modules/contentlayer2/bin/cli.cjs')
const next = path.join(root, 'node_modules/next/dist/bin/next')

const first = spawnSync(process.execPath, [contentlayer, 'build'], { cwd: root, env, stdio: 'inherit' })
if (first.status !== 0) {
  console.error('\nThe content did not build: fix the file and field named above, then run `npm run dev` again.')
  process.exit(first.status ?? 1)
}

// Each child leads its own process group, so stopping kills the whole tree, not just the wrapper.
const start = (args) => spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit', detached: true })
const children = [start([contentlayer, 'dev']), start([next, 'dev', '-H', 'localhost', '-p', port])]

// Contentlayer's watcher sees .mdx files only; notebooks, the KaTeX macros and which notes are
// drafts (never built) are read when its config loads, so a change to them restarts the watcher
// (which rebuilds what changed).
let restartTimer
function restartContentWatcher() {
  clearTimeout(restartTimer)
  restartTimer = setTimeout(() => {
    const [old] = children
    old.removeAllListeners('exit')
    try {
      process.kill(-old.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    children[0] = start([contentlayer, 'dev'])
    children[0].on('exit', (code) => stop(code ?? 0))
  }, 300)
}
const contentDir = path.resolve(root, process.env.CONTENT_DIR || DEFAULT_CONTENT_DIR)
let drafts = draftNoteFiles(contentDir).join('\n')
function restartWhenDraftsChange() {
  const now = draftNoteFiles(contentDir).join('\n')
  if (now === drafts) return
  drafts = now
  restartContentWatcher()
}
watch(path.join(contentDir, 'notes'), (_event, name) => {
  if (name?.endsWith('.ipynb')) restartContentWatcher()
  else if (name?.endsWith('.mdx')) restartWhenDraftsChange()
})
watch(contentDir, (_event, name) => name === 'katex-macros.json' && restartContentWatcher())
// A scheduled note joins the build when its time comes, with no file changing.
setInterval(restartWhenDraftsChange, 30_000).unref()

console.log(`\nThe site is starting at http://localhost:${port} (edit content/ and the page reloads).\n`)

let stopping = false
function stop(code = 0) {
  if (stopping) return
  stopping = true
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  process.exit(code)
}

for (const child of children) child.on('exit', (code) => stop(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0))
