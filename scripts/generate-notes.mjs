#!/usr/bin/env node
// `node scripts/generate-notes.mjs <notes folder> [count=1000]`: writes `generated-<n>.mdx` notes
// like the author's (scripts/lib/generate-notes.mjs) into a notes folder, for benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generatedNote } from './lib/generate-notes.mjs'

const [dir, count = '1000'] = process.argv.slice(2)
if (!dir || !/^\d+$/.test(count)) {
  console.error('Usage: node scripts/generate-notes.mjs <notes folder> [count]')
  process.exit(2)
}
mkdirSync(dir, { recursive: true })
for (let n = 0; n < Number(count); n++) writeFileSync(path.join(dir, `generated-${n}.mdx`), generatedNote(n))
console.log(`${count} notes written to ${path.resolve(dir)}`)
