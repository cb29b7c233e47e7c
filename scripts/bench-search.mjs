#!/usr/bin/env node
// `npm run bench:search`: search over 1,000 generated notes (about 1,500 words each, ML/CUDA prose
// with code identifiers), the sharded index the site serves against the single index it used to
// serve, in one run, with the site's own search code. For typical queries: what a cold query
// transfers (gzip, as the browser downloads it), its time to the first result on a cold cache
// (parse + load + search, network left out), and warm query latency (p50/p95).
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { generateNotes, randomSource, TYPICAL_QUERIES } from './search-bench/notes.mjs'

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
const { MiniSearch, INDEX_OPTIONS, QUERY_OPTIONS, noteSections, shardSearchIndex, ShardedSearch } = await import(outfile)

const NOTES = 1_000
const WARM_QUERIES = 1_000
const SHOWN = 10

const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
const ms = (value) => `${value.toFixed(1)} ms`
const time = async (run) => {
  const started = performance.now()
  const value = await run()
  return { value, ms: performance.now() - started }
}

const generated = generateNotes(NOTES)
const sections = generated.flatMap(({ note, body }) => noteSections(note, body))
const words = generated.reduce((sum, { body }) => sum + body.split(/\s+/).length, 0) / NOTES

// The single index: one JSON, fetched whole on the first search.
const single = await time(() => {
  const index = new MiniSearch(INDEX_OPTIONS)
  index.addAll(sections)
  return JSON.stringify(index)
})
const singleJson = single.value
const singleGzip = gzipSync(singleJson).length
const loads = []
let loaded
for (let run = 0; run < 3; run++) {
  const started = performance.now()
  loaded = MiniSearch.loadJSON(singleJson, INDEX_OPTIONS)
  loads.push(performance.now() - started)
}
const singleLoadMs = percentile(loads, 50)

// The sharded index, as lib/search builds it on the server.
const sharded = await time(() => shardSearchIndex(sections))
const { manifest, shards, notes } = sharded.value
const manifestJson = JSON.stringify(manifest)
const gzipped = new Map()
const gz = (json) => gzipped.get(json) ?? gzipped.set(json, gzipSync(json).length).get(json)

/** A cold dialog: the manifest, the shards the query needs, the notes of the results shown. */
async function coldQuery(query) {
  const started = performance.now()
  const engine = new ShardedSearch(JSON.parse(manifestJson), async (shard) => JSON.parse(shards[shard]))
  const results = (await engine.search(query)).slice(0, SHOWN)
  const shownNotes = [...new Set(results.map((result) => engine.locate(result.id).note))]
  for (const note of shownNotes) JSON.parse(notes[note])
  const firstResultMs = performance.now() - started
  const bytes = gz(manifestJson) + engine.loadedShards.reduce((sum, shard) => sum + gz(shards[shard]), 0) + shownNotes.reduce((sum, note) => sum + gz(notes[note]), 0)
  // Typed a letter at a time, the dialog searches each prefix and shows its results' notes too.
  const typing = new ShardedSearch(JSON.parse(manifestJson), async (shard) => JSON.parse(shards[shard]))
  const typedNotes = new Set()
  for (let end = 1; end <= query.length; end++) {
    for (const result of (await typing.search(query.slice(0, end))).slice(0, SHOWN)) typedNotes.add(typing.locate(result.id).note)
  }
  const typedBytes = gz(manifestJson) + typing.loadedShards.reduce((sum, shard) => sum + gz(shards[shard]), 0) + [...typedNotes].reduce((sum, note) => sum + gz(notes[note]), 0)
  return { query, shards: engine.loadedShards.length, bytes, typedBytes, firstResultMs, hits: results.length }
}

const cold = []
for (const query of TYPICAL_QUERIES) cold.push(await coldQuery(query))
const singleCold = []
for (const query of TYPICAL_QUERIES) {
  const fresh = MiniSearch.loadJSON(singleJson, INDEX_OPTIONS)
  const started = performance.now()
  fresh.search(query, QUERY_OPTIONS)
  singleCold.push(singleLoadMs + performance.now() - started)
}

// Warm: typical queries and random words, pairs, prefixes and identifiers, on an open dialog.
const { pick } = randomSource(7)
const vocabulary = TYPICAL_QUERIES.flatMap((query) => query.split(' '))
const warmQueries = Array.from({ length: WARM_QUERIES }, (_, i) =>
  i % 3 === 0 ? pick(TYPICAL_QUERIES) : i % 3 === 1 ? `${pick(vocabulary)} ${pick(vocabulary)}` : pick(vocabulary).slice(0, 4),
)
const engine = new ShardedSearch(manifest, async (shard) => JSON.parse(shards[shard]))
for (const query of new Set(warmQueries)) await engine.search(query)
const shardedWarm = []
const singleWarm = []
for (const query of warmQueries) {
  shardedWarm.push((await time(() => engine.search(query))).ms)
  singleWarm.push((await time(() => loaded.search(query, QUERY_OPTIONS))).ms)
}

const median = (rows, key) => percentile(rows.map((row) => row[key]), 50)
const max = (rows, key) => Math.max(...rows.map((row) => row[key]))
console.log(`Notes: ${NOTES}, ${sections.length} sections, about ${words.toFixed(0)} words each`)
console.log(`Single index: ${kb(singleJson.length)} JSON, ${kb(singleGzip)} gzip; built in ${ms(single.ms)}, loaded in ${ms(singleLoadMs)}`)
const shardGzip = shards.reduce((sum, json) => sum + gz(json), 0)
const noteGzip = notes.reduce((sum, json) => sum + gz(json), 0)
console.log(
  `Sharded index: manifest ${kb(manifestJson.length)} (${kb(gz(manifestJson))} gzip), ${shards.length} shards ${kb(shardGzip)} gzip in all ` +
    `(median ${kb(percentile(shards.map(gz), 50))}, max ${kb(Math.max(...shards.map(gz)))}), ${notes.length} note files ${kb(noteGzip)} gzip; built in ${ms(sharded.ms)}`,
)
console.log('\nCold query (new dialog, empty cache)      shards   gzip     typed   first result  results')
for (const row of cold) {
  console.log(`  ${row.query.padEnd(38)} ${String(row.shards).padStart(6)} ${kb(row.bytes).padStart(9)} ${kb(row.typedBytes).padStart(9)} ${ms(row.firstResultMs).padStart(10)} ${String(row.hits).padStart(8)}`)
}
console.log(`\nTyped queries: ${TYPICAL_QUERIES.length}; first result and warm figures leave out the network.`)
console.log(`                         sharded               single index           ratio`)
console.log(`Cold transfer, median    ${kb(median(cold, 'bytes')).padEnd(21)} ${kb(singleGzip).padEnd(22)} ${(singleGzip / median(cold, 'bytes')).toFixed(0)}x less`)
console.log(`Cold transfer, max       ${kb(max(cold, 'bytes')).padEnd(21)} ${kb(singleGzip).padEnd(22)} ${(singleGzip / max(cold, 'bytes')).toFixed(0)}x less`)
console.log(`  typed letter by letter ${`${kb(median(cold, 'typedBytes'))} / ${kb(max(cold, 'typedBytes'))}`.padEnd(21)} (median / max)`)
console.log(`First result, median     ${ms(median(cold, 'firstResultMs')).padEnd(21)} ${ms(percentile(singleCold, 50)).padEnd(22)} ${(percentile(singleCold, 50) / median(cold, 'firstResultMs')).toFixed(0)}x faster`)
console.log(`First result, max        ${ms(max(cold, 'firstResultMs')).padEnd(21)} ${ms(Math.max(...singleCold)).padEnd(22)}`)
console.log(`Warm query p50 (${WARM_QUERIES})   ${ms(percentile(shardedWarm, 50)).padEnd(21)} ${ms(percentile(singleWarm, 50)).padEnd(22)}`)
console.log(`Warm query p95           ${ms(percentile(shardedWarm, 95)).padEnd(21)} ${ms(percentile(singleWarm, 95)).padEnd(22)}`)
