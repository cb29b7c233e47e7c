#!/usr/bin/env node
// `npm run bench:search`: the search index for 1,000 generated notes: its size (raw and gzip, as
// the browser downloads it), the time to load it, and query latency (p50/p95 over 1,000 queries of
// words, prefixes and code identifiers), using the site's own search code.
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const outfile = path.join(root, '.bench/search-bench.mjs')
await build({
  entryPoints: [path.join(root, 'scripts/search-bench/entry.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  alias: { '@': root },
  logLevel: 'warning',
})
const { MiniSearch, INDEX_OPTIONS, QUERY_OPTIONS, noteSections } = await import(outfile)

const NOTES = 1_000
const QUERIES = 1_000
const VOCABULARY = (
  'gradient tensor kernel warp occupancy softmax batch layer stream memory coalesced launch thread block grid latency ' +
  'throughput attention transformer embedding optimizer momentum adam learning rate scheduler convolution pooling ' +
  'normalization dropout residual activation relu sigmoid tanh backpropagation autograd quantization pruning distillation'
).split(' ')
const IDENTIFIERS = ['torch.cuda.is_available', 'cudaMalloc', 'cudaMemcpy', 'torch.nn.functional.softmax', 'threadIdx.x', 'blockDim', '__syncthreads', 'torch.compile']

let seed = 42
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
const pick = (list) => list[Math.floor(random() * list.length)]
const sentence = (words) => Array.from({ length: words }, () => pick(VOCABULARY)).join(' ')

/** A note of about 800 words: four sections of prose, a code block each. */
function generatedNote(n) {
  const parts = [sentence(60)]
  for (let section = 0; section < 4; section++) {
    parts.push(`## ${sentence(3)} ${section}`, sentence(120), `\`\`\`python\nx = ${pick(IDENTIFIERS)}(${pick(VOCABULARY)}_${n})\n\`\`\``, sentence(60))
  }
  const note = { slug: `note-${n}`, url: `/notes/note-${n}`, title: `Note ${n}: ${sentence(4)}`, summary: sentence(20), tags: [pick(VOCABULARY), pick(VOCABULARY)] }
  return noteSections(note, parts.join('\n\n'))
}

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const sections = Array.from({ length: NOTES }, (_, n) => generatedNote(n)).flat()
let started = performance.now()
const index = new MiniSearch(INDEX_OPTIONS)
index.addAll(sections)
const buildMs = performance.now() - started
const json = JSON.stringify(index)

started = performance.now()
const loaded = MiniSearch.loadJSON(json, INDEX_OPTIONS)
const loadMs = performance.now() - started

const queries = Array.from({ length: QUERIES }, (_, i) => {
  const kind = i % 4
  if (kind === 0) return pick(VOCABULARY)
  if (kind === 1) return `${pick(VOCABULARY)} ${pick(VOCABULARY)}`
  if (kind === 2) return pick(VOCABULARY).slice(0, 4)
  return pick(IDENTIFIERS)
})
const latencies = []
let hits = 0
for (const query of queries) {
  const t = performance.now()
  hits += loaded.search(query, QUERY_OPTIONS).length > 0 ? 1 : 0
  latencies.push(performance.now() - t)
}

const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`
console.log(`Notes: ${NOTES} (${sections.length} sections, about 800 words each)`)
console.log(`Index: ${kib(Buffer.byteLength(json))} JSON, ${kib(gzipSync(json).length)} gzip; built in ${buildMs.toFixed(0)} ms, loaded in ${loadMs.toFixed(0)} ms`)
console.log(`Queries: ${QUERIES} (words, pairs, prefixes, code identifiers), ${hits} with results`)
console.log(`Query latency: p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms`)
