#!/usr/bin/env node
// `npm run dev`: build the content once (so the first request never sees a missing
// .contentlayer), then run Contentlayer's watcher beside `next dev`, so saving a note reloads it.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PWD: root }
const port = process.env.PORT ?? '3000'

const first = spawnSync('npx', ['contentlayer2', 'build'], { cwd: root, env, stdio: 'inherit' })
if (first.status !== 0) {
  console.error('\nThe content did not build: fix the file and field named above, then run `npm run dev` again.')
  process.exit(first.status ?? 1)
}

const children = [
  spawn('npx', ['contentlayer2', 'dev'], { cwd: root, env, stdio: 'inherit' }),
  spawn('npx', ['next', 'dev', '-p', port], { cwd: root, env, stdio: 'inherit' }),
]

console.log(`\nThe site is starting at http://localhost:${port} (edit content/ and the page reloads).\n`)

function stop(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exit(code)
}

for (const child of children) child.on('exit', (code) => stop(code ?? 0))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
