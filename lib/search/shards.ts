import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch'
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchSection } from './options'
import { decodeShard, type IndexEntry, type SearchManifest, type ShardEntry } from './shard-format'

export type { IndexEntry, NoteResults, SearchManifest, ShardEntry } from './shard-format'

// The search index cut by term: a shard holds every term whose longest shard key is a prefix of
// it. The browser loads the few shards a query needs; the server searches the same way (lib/search).

/** The shard a term is in: its longest prefix among the keys, or -1. */
export function shardOf(term: string, keys: Map<string, number>, longest: number): number {
  for (let length = Math.min(longest, term.length); length >= 0; length--) {
    const shard = keys.get(term.slice(0, length))
    if (shard !== undefined) return shard
  }
  return -1
}

const keyMap = (keys: string[]) => ({ map: new Map(keys.map((key, n) => [key, n])), longest: Math.max(0, ...keys.map((key) => key.length)) })

/** The query's terms as MiniSearch makes them (same tokenizer and processing as the index). */
export function queryTerms(query: string): string[] {
  const { tokenize, processTerm } = INDEX_OPTIONS
  return tokenize!(query).flatMap((term) => processTerm!(term) || [])
}

const prefixSearched = (term: string) => (QUERY_OPTIONS.prefix as (term: string) => boolean)(term)

/**
 * The shards a query needs: each term's own and, when a term is searched as a prefix, every shard
 * whose key starts with it. Fuzzy matches are searched in those shards only.
 */
export function shardsFor(query: string, keys: string[]): number[] {
  const { map, longest } = keyMap(keys)
  const shards = new Set<number>()
  for (const term of queryTerms(query)) {
    const own = shardOf(term, map, longest)
    if (own >= 0) shards.add(own)
    if (prefixSearched(term)) keys.forEach((key, n) => key.length > term.length && key.startsWith(term) && shards.add(n))
  }
  return [...shards].sort((a, b) => a - b)
}

export type ShardLoader = (shard: number) => Promise<ShardEntry[]>

/** Searches a sharded index, loading each shard once, the first time a query needs it. */
export class ShardedSearch {
  private readonly keys: { map: Map<string, number>; longest: number }
  private readonly loading = new Map<number, Promise<void>>()
  private readonly entries: IndexEntry[] = []
  private index: MiniSearch<SearchSection> | null = null
  private readonly base: Omit<AsPlainObject, 'index'>

  constructor(
    readonly manifest: SearchManifest,
    private readonly load: ShardLoader,
  ) {
    this.keys = keyMap(manifest.keys)
    const fields = Object.keys(manifest.fieldIds).length
    const documentIds: Record<number, number> = {}
    const fieldLength: Record<number, number[]> = {}
    for (let id = 0; id < manifest.documentCount; id++) {
      documentIds[id] = id
      fieldLength[id] = manifest.lengths.slice(id * fields, id * fields + fields)
    }
    const { documentCount, fieldIds, averageFieldLength } = manifest
    this.base = { documentCount, nextId: documentCount, documentIds, fieldIds, fieldLength, averageFieldLength, storedFields: {}, serializationVersion: 2 }
  }

  /** Shards loaded so far, for tests and the benchmark. */
  get loadedShards(): number[] {
    return [...this.loading.keys()].sort((a, b) => a - b)
  }

  private loadShard(shard: number): Promise<void> {
    let promise = this.loading.get(shard)
    if (!promise) {
      promise = this.load(shard).then((entries) => {
        this.entries.push(...decodeShard(entries))
        this.index = null
      })
      // A failed load is tried again by the next query that needs it.
      promise.catch(() => this.loading.delete(shard))
      this.loading.set(shard, promise)
    }
    return promise
  }

  /** Loads what the query needs, then searches. */
  async search(query: string): Promise<SearchResult[]> {
    await Promise.all(shardsFor(query, this.manifest.keys).map((shard) => this.loadShard(shard)))
    return this.searchLoaded(query)
  }

  /** Searches the shards loaded so far; `search` makes sure they are the ones the query needs. */
  searchLoaded(query: string): SearchResult[] {
    if (!query.trim()) return []
    this.index ??= MiniSearch.loadJS<SearchSection>({ ...this.base, index: this.entries }, INDEX_OPTIONS)
    const needed = new Set(shardsFor(query, this.manifest.keys))
    const allowed = new Map<string, boolean>()
    // Matches only in the shards this query needs, whatever else earlier queries loaded: the
    // results do not depend on what was searched before, in the browser or on the server.
    const boostDocument = (_id: unknown, term: string) => {
      let ok = allowed.get(term)
      if (ok === undefined) allowed.set(term, (ok = needed.has(shardOf(term, this.keys.map, this.keys.longest))))
      return ok ? 1 : 0
    }
    return this.index.search(query, { ...QUERY_OPTIONS, boostDocument })
  }

  /** The note a section id belongs to (its index in `manifest.sections`) and its place in it. */
  locate(id: number): { note: number; section: number } {
    let first = 0
    for (let note = 0; note < this.manifest.sections.length; note++) {
      const count = this.manifest.sections[note]
      if (id < first + count) return { note, section: id - first }
      first += count
    }
    throw new RangeError(`no section ${id}`)
  }
}
