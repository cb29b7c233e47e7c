import MiniSearch, { type SearchResult } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchSection } from '@/lib/search/options'
import { noteSections } from '@/lib/search/sections'
import { encodeEntry, shardSearchIndex } from '@/lib/search/shard-build'
import { decodeShard, type ShardEntry } from '@/lib/search/shard-format'
import { queryTerms, ShardedSearch, shardsFor } from '@/lib/search/shards'
import { generateNotes } from '../../scripts/search-bench/notes.mjs'

const sections: SearchSection[] = generateNotes(150).flatMap(({ note, body }) => noteSections(note, body))
// A small shard size, so 150 notes already make many shards with keys of one to three letters.
const sharded = shardSearchIndex(sections, 8_000)
const whole = new MiniSearch<SearchSection>(INDEX_OPTIONS)
whole.addAll(sections)

/** A client of the served files: the manifest and each shard as JSON, counting what it fetches. */
function client() {
  const fetched: number[] = []
  const search = new ShardedSearch(JSON.parse(JSON.stringify(sharded.manifest)), async (shard) => {
    fetched.push(shard)
    return JSON.parse(sharded.shards[shard]) as ShardEntry[]
  })
  return { search, fetched }
}

// Scores are sums over the matched terms, added in another order here: equal to 1e-9, and ties
// (equal scores) ordered by id, so the comparison is about what is found and how it ranks.
const ranked = (results: SearchResult[], id: (result: SearchResult) => string) =>
  results.map((result) => ({ id: id(result), score: Number(result.score.toPrecision(9)) })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))

const QUERIES = [
  'cudaMemcpy', 'torch.nn.Module', 'torch.cuda.is_available', 'is_available', '__syncthreads', 'threadIdx.x', 'malloc',
  'gradient', 'kernel launch', 'shared memory', 'attention mask', 'learning rate', 'softmax', 'bfloat16',
  'occup', 'backprop', 'quant', 'coal', 'optimzer', 'kernal launch', 'convolusion', 'gradeint',
]

describe('the sharded index', () => {
  it('has many shards, and every term in the one its key names', () => {
    expect(sharded.manifest.keys.length).toBeGreaterThan(40)
    expect(sharded.manifest.keys.every((key) => key.length <= 3)).toBe(true)
    sharded.shards.forEach((json, n) => {
      const key = sharded.manifest.keys[n]
      for (const [term] of JSON.parse(json) as ShardEntry[]) expect(term.startsWith(key), `${term} in ${key}`).toBe(true)
    })
  })

  it('stores postings that decode to MiniSearch’s own', () => {
    const entries = whole.toJSON().index.slice(0, 500)
    expect(decodeShard(entries.map(encodeEntry))).toEqual(entries)
  })

  it('finds what the whole index finds, ranked the same, for identifiers, words, prefixes and typos', async () => {
    for (const query of QUERIES) {
      const want = whole.search(query, QUERY_OPTIONS)
      const got = await client().search.search(query)
      if (query !== 'gradeint') expect(want.length, query).toBeGreaterThan(0)
      expect(ranked(got, (result) => sections[result.id as number].id).slice(0, 20), query).toEqual(ranked(want, (result) => String(result.id)).slice(0, 20))
      expect(got.length, query).toBe(want.length)
    }
  })

  it('loads only the shards a query needs, each once', async () => {
    const { search, fetched } = client()
    await search.search('cudaMemcpy')
    const keys = fetched.map((shard) => sharded.manifest.keys[shard])
    // One shard for each of the query's terms (cudamemcpy, cuda, memcpy), some shared.
    expect(queryTerms('cudaMemcpy')).toEqual(['cudamemcpy', 'cuda', 'memcpy'])
    expect(fetched.length).toBeLessThanOrEqual(3)
    for (const term of queryTerms('cudaMemcpy')) expect(keys.some((key) => term.startsWith(key)), term).toBe(true)
    await search.search('cuda memcpy')
    expect(fetched.length).toBe(new Set(fetched).size)
    expect(fetched).toEqual(shardsFor('cudaMemcpy', sharded.manifest.keys))
  })

  it('gives the same results whatever earlier queries loaded: fuzzy matches stay in the needed shards', async () => {
    // The limit of sharding: a typo in the first letter is not corrected (the whole index finds
    // "gradient" for it), whatever shards the browser happens to hold.
    expect(whole.search('xradient', QUERY_OPTIONS).length).toBeGreaterThan(0)
    const fresh = await client().search.search('xradient')
    expect(fresh).toEqual([])
    const { search } = client()
    // Every shard loaded, by a search for its first term.
    for (const json of sharded.shards) await search.search((JSON.parse(json) as ShardEntry[])[0][0])
    expect(search.loadedShards.length).toBe(sharded.manifest.keys.length)
    expect(await search.search('xradient')).toEqual([])
    expect(await search.search('optimzer')).toEqual(await client().search.search('optimzer'))
  })

  it('locates a section id in its note', () => {
    const { search } = client()
    const last = sections.length - 1
    expect(search.locate(0)).toEqual({ note: 0, section: 0 })
    expect(search.locate(last).note).toBe(149)
    expect(JSON.parse(sharded.notes[149]).sections.at(-1)[0]).toBe(sections[last].url)
  })
})
