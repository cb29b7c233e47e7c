import 'server-only'
import { contentVersion, getNoteSource, getNotes } from '@/lib/content'
import { excerptAround } from './highlight'
import type { SearchSection } from './options'
import { noteSections } from './sections'
import { shardSearchIndex, type ShardedIndex } from './shard-build'
import { ShardedSearch, type SearchManifest } from './shards'

type SiteSearch = { content: string; sharded: ShardedIndex; sections: SearchSection[]; engine: ShardedSearch }

// One index per server process and version of the content, whichever route bundle asks (the
// manifest, the shard files and /search may each load their own copy of this module).
const cache = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes.search-index')] ??= { site: null }) as { site: SiteSearch | null }

/** The index of every published note, section by section (drafts never reach lib/content's list). */
function siteSearch(): SiteSearch {
  const content = contentVersion()
  if (cache.site?.content !== content) {
    const sections = getNotes().flatMap((note) => noteSections(note, getNoteSource(note.slug) ?? ''))
    const sharded = shardSearchIndex(sections)
    // The server searches as the browser does: the same shards, loaded by the same code.
    const engine = new ShardedSearch(sharded.manifest, async (shard) => JSON.parse(sharded.shards[shard]))
    cache.site = { content, sharded, sections, engine }
  }
  return cache.site
}

export const searchManifest = (): SearchManifest => siteSearch().sharded.manifest

export type SearchFileKind = 'terms' | 'notes'

/** A term shard's or a note's results JSON in this version of the index; null for another version. */
export function searchFile(version: string, kind: SearchFileKind, n: number): string | null {
  const { sharded } = siteSearch()
  if (version !== sharded.manifest.version) return null
  return (kind === 'terms' ? sharded.shards : sharded.notes)[n] ?? null
}

export type SearchHit = { id: string; url: string; title: string; heading: string; excerpt: string; terms: string[] }

export async function searchSite(query: string, limit = 20): Promise<SearchHit[]> {
  if (!query.trim()) return []
  const { engine, sections } = siteSearch()
  return (await engine.search(query)).slice(0, limit).map((result) => {
    const section = sections[result.id as number]
    return {
      id: section.id,
      url: section.url,
      title: section.noteTitle,
      heading: section.heading,
      // Around the first match in the section's text, so the result shows why it matched.
      excerpt: excerptAround(section.text, result.terms),
      terms: result.terms,
    }
  })
}
