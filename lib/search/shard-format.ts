import type { AsPlainObject } from 'minisearch'

// The files the search index is served as (lib/search/shard-build.ts writes them, shards.ts reads them).

export type IndexEntry = AsPlainObject['index'][number]

/**
 * A term as a shard holds it: per field, its section ids as gaps from the previous one (small
 * numbers gzip well; a common word's are mostly 1) and its counts, 0 when every count is 1.
 */
export type ShardEntry = [term: string, ...fields: (number | number[])[]]

/** A shard's entries back in MiniSearch's own serialized form. */
export function decodeShard(entries: ShardEntry[]): IndexEntry[] {
  return entries.map(([term, ...fields]) => {
    const data: IndexEntry[1] = {}
    for (let at = 0; at < fields.length; at += 3) {
      const [field, gaps, counts] = fields.slice(at, at + 3) as [number, number[], number[] | 0]
      const postings: Record<number, number> = {}
      let id = 0
      gaps.forEach((gap, n) => (postings[(id += gap)] = counts === 0 ? 1 : counts[n]))
      data[field] = postings
    }
    return [term, data]
  })
}

/** What a search needs before any shard: the global figures BM25 scores with, and the shard keys. */
export type SearchManifest = {
  /** Names these shards: a hash of what they hold, so a shard's address is good forever. */
  version: string
  documentCount: number
  averageFieldLength: number[]
  fieldIds: Record<string, number>
  /** Each section's field lengths, `fieldIds` numbers per section, sections in id order. */
  lengths: number[]
  /** The sections of each note, notes in order: section ids run note after note. */
  sections: number[]
  /** Shard n holds the terms whose longest prefix among these keys is keys[n]. */
  keys: string[]
}

/** What one note shows in a result: its title, and each section's address, heading and excerpt. */
export type NoteResults = { title: string; sections: [url: string, heading: string, excerpt: string][] }
