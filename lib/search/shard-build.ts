import { createHash } from 'node:crypto'
import MiniSearch from 'minisearch'
import { INDEX_OPTIONS, type SearchSection } from './options'
import type { IndexEntry, NoteResults, SearchManifest, ShardEntry } from './shard-format'
import { shardOf } from './shards'

/** A shard is cut further (by one more letter of its terms) while its JSON is bigger than this. */
export const SHARD_TARGET_BYTES = 48_000
/** Keys are at most this long, so a typo after the third letter is still found by fuzzy search. */
export const MAX_KEY_LENGTH = 3

const noteOf = (section: SearchSection) => section.id.slice(0, section.id.indexOf('#'))

export type ShardedIndex = {
  manifest: SearchManifest
  /** Shard n's JSON (ShardEntry[]), for keys[n]. */
  shards: string[]
  /** Note n's JSON (NoteResults), for the results shown. */
  notes: string[]
}

/** The inverse of decodeShard: ids as gaps, counts left out when all are 1. */
export function encodeEntry([term, data]: IndexEntry): ShardEntry {
  const fields: (number | number[])[] = []
  for (const [field, postings] of Object.entries(data)) {
    const ids = Object.keys(postings).map(Number).sort((a, b) => a - b)
    const counts = ids.map((id) => postings[id])
    fields.push(Number(field), ids.map((id, n) => id - (n === 0 ? 0 : ids[n - 1])), counts.every((count) => count === 1) ? 0 : counts)
  }
  return [term, ...fields]
}

type Sized = { term: string; size: number }

const sizeOf = (group: Sized[]) => group.reduce((sum, entry) => sum + entry.size, 0)

/**
 * Keys for the terms under `prefix`: one key while they fit in a shard; else their groups by one
 * more letter, the small groups kept together under `prefix` and the big ones cut again.
 */
function partition(prefix: string, terms: Sized[], target: number): string[] {
  if (sizeOf(terms) <= target || prefix.length >= MAX_KEY_LENGTH) return [prefix]
  const groups = new Map<string, Sized[]>()
  let kept = 0
  for (const entry of terms) {
    if (entry.term.length === prefix.length) kept += entry.size
    else {
      const key = entry.term.slice(0, prefix.length + 1)
      const group = groups.get(key)
      if (group) group.push(entry)
      else groups.set(key, [entry])
    }
  }
  const keys: string[] = []
  const bySize = [...groups].map(([key, group]) => ({ key, group, size: sizeOf(group) }))
  for (const { key, group, size } of bySize.sort((a, b) => a.size - b.size || (a.key < b.key ? -1 : 1))) {
    if (kept + size <= target) kept += size
    else keys.push(...partition(key, group, target))
  }
  return kept > 0 ? [prefix, ...keys] : keys
}

/** Cuts a MiniSearch index of `sections` (ids in order, note after note) into term shards. */
export function shardSearchIndex(sections: SearchSection[], target = SHARD_TARGET_BYTES): ShardedIndex {
  const index = new MiniSearch<SearchSection>(INDEX_OPTIONS)
  index.addAll(sections)
  const js = index.toJSON()
  const fieldCount = Object.keys(js.fieldIds).length
  const encoded = js.index.map(encodeEntry)
  const keys = partition('', encoded.map((entry) => ({ term: entry[0], size: JSON.stringify(entry).length })), target).sort()
  const keyIndex = new Map(keys.map((key, n) => [key, n]))
  const longest = Math.max(0, ...keys.map((key) => key.length))
  const shards: ShardEntry[][] = keys.map(() => [])
  for (const entry of encoded) shards[shardOf(entry[0], keyIndex, longest)].push(entry)

  const counts: number[] = []
  const notes: NoteResults[] = []
  const lengths: number[] = []
  sections.forEach((section, id) => {
    // Short ids are given in order from 0; the manifest's section counts rely on it.
    if (js.documentIds[id] !== section.id) throw new Error(`search: section ${section.id} is not id ${id}`)
    lengths.push(...Array.from({ length: fieldCount }, (_, field) => js.fieldLength[id][field] ?? 0))
    if (id === 0 || noteOf(sections[id - 1]) !== noteOf(section)) {
      notes.push({ title: section.noteTitle, sections: [] })
      counts.push(0)
    }
    notes[notes.length - 1].sections.push([section.url, section.heading, section.excerpt])
    counts[counts.length - 1] += 1
  })

  const shardJson = shards.map((entries) => JSON.stringify(entries))
  const noteJson = notes.map((note) => JSON.stringify(note))
  const body = { documentCount: js.documentCount, averageFieldLength: js.averageFieldLength, fieldIds: js.fieldIds, lengths, sections: counts, keys }
  const hash = createHash('sha256').update(JSON.stringify(body))
  for (const json of [...shardJson, ...noteJson]) hash.update(json)
  return { manifest: { version: hash.digest('base64url').slice(0, 16), ...body }, shards: shardJson, notes: noteJson }
}
