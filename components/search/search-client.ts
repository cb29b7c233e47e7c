import { SEARCH_INDEX_PATH, searchFilePath } from '@/lib/search/options'
import { ShardedSearch, type NoteResults, type SearchManifest, type ShardEntry } from '@/lib/search/shards'

/** A result as the dialog shows it. */
export type ShownResult = { id: number; url: string; title: string; heading: string; excerpt: string; terms: string[] }

/** A file of another version of the index: the site was published since the manifest was read. */
class StaleIndex extends Error {}

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  if (response.status === 404) throw new StaleIndex(path)
  if (!response.ok) throw new Error(`search: ${path}: ${response.status}`)
  return response.json() as Promise<T>
}

type SiteIndex = { search: ShardedSearch; notes: Map<number, Promise<NoteResults>> }

let current: Promise<SiteIndex> | null = null

function openIndex(init?: RequestInit): Promise<SiteIndex> {
  const opening = getJson<SearchManifest>(SEARCH_INDEX_PATH, init).then((manifest) => ({
    search: new ShardedSearch(manifest, (shard) => getJson<ShardEntry[]>(searchFilePath(manifest.version, 'terms', shard))),
    notes: new Map<number, Promise<NoteResults>>(),
  }))
  opening.catch(() => current === opening && (current = null))
  current = opening
  return opening
}

/** The manifest, fetched once per page load, the first time search opens; shards come per query. */
export const loadSearch = () => current ?? openIndex()

function noteResults(index: SiteIndex, note: number): Promise<NoteResults> {
  let loading = index.notes.get(note)
  if (!loading) {
    loading = getJson<NoteResults>(searchFilePath(index.search.manifest.version, 'notes', note))
    loading.catch(() => index.notes.delete(note))
    index.notes.set(note, loading)
  }
  return loading
}

/** The top results of a query, loading the shards it needs and the notes shown; after a publish, the new index. */
export async function searchNotes(query: string, limit: number, retried = false): Promise<ShownResult[]> {
  const opened = loadSearch()
  const index = await opened
  try {
    const results = (await index.search.search(query)).slice(0, limit)
    return await Promise.all(
      results.map(async (result) => {
        const { note, section } = index.search.locate(result.id)
        const { title, sections } = await noteResults(index, note)
        const [url, heading, excerpt] = sections[section]
        return { id: result.id, url, title, heading, excerpt, terms: result.terms }
      }),
    )
  } catch (error) {
    if (!(error instanceof StaleIndex) || retried) throw error
    // Past the browser's copy: the manifest is small, and may name a new version now.
    if (current === opened) openIndex({ cache: 'no-cache' })
    return searchNotes(query, limit, true)
  }
}
