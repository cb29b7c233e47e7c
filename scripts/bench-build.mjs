#!/usr/bin/env node
// `npm run bench:build -- [--notes=1000,2000] [--steps=content,next]`: the site's build with N
// generated notes (scripts/lib/generate-notes.mjs) beside content/: each step's wall time and peak
// RSS (GNU time's "Maximum resident set size", the largest single process), and the time each
// additional note costs (between the smallest and the largest N). Builds go to .bench/.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generatedNote } from './lib/generate-notes.mjs'

const root = path.resolve(import.meta.dirname, '..')
const flag = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const counts = flag('notes', '1000,2000').split(',').map(Number)
const steps = flag('steps', 'content,next').split(',')

function timed(label, command, args, env) {
  const run = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 28 })
  const report = run.stderr
  if (run.status !== 0) {
    console.error(`${label} failed:\n${run.stdout.slice(-3000)}\n${report.slice(-3000)}`)
    process.exit(1)
  }
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)[1])
  const [, clock] = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(report)
  const seconds = clock.split(':').reduce((sum, part) => sum * 60 + Number(part), 0)
  return { seconds, peakMb: peakKb / 1024 }
}

const results = []
for (const count of counts) {
  const contentDir = `.bench/build-content-${count}`
  rmSync(path.join(root, contentDir), { recursive: true, force: true })
  cpSync(path.join(root, 'content'), path.join(root, contentDir), { recursive: true })
  mkdirSync(path.join(root, contentDir, 'notes'), { recursive: true })
  for (let n = 0; n < count; n++) writeFileSync(path.join(root, contentDir, 'notes', `generated-${n}.mdx`), generatedNote(n))
  const env = { CONTENT_DIR: contentDir, NEXT_DIST_DIR: `.bench/next-build` }
  const row = { count }
  if (steps.includes('content')) row.content = timed(`contentlayer2 build (${count} notes)`, 'npx', ['contentlayer2', 'build'], env)
  if (steps.includes('next')) row.next = timed(`next build (${count} notes)`, 'npx', ['next', 'build'], env)
  results.push(row)
  const describe = (step) => (row[step] ? `${step} ${row[step].seconds.toFixed(1)} s, peak ${row[step].peakMb.toFixed(0)} MB` : '')
  console.log(`${count} notes: ${steps.map(describe).join('; ')}`)
}
if (results.length > 1) {
  const [first, last] = [results[0], results.at(-1)]
  const total = (row) => steps.reduce((sum, step) => sum + row[step].seconds, 0)
  console.log(`per additional note: ${(((total(last) - total(first)) / (last.count - first.count)) * 1000).toFixed(1)} ms (${first.count} → ${last.count} notes, ${steps.join(' + ')})`)
}
