import 'server-only'
import MiniSearch from 'minisearch'
import { contentVersion, getNoteSource, getNotes } from '@/lib/content'
import { excerptAround } from './highlight'
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchSection } from './options'
import { noteSections } from './sections'

export function buildSearchIndex(sections: SearchSection[]): MiniSearch<SearchSection> {
  const index = new MiniSearch<SearchSection>(INDEX_OPTIONS)
  index.addAll(sections)
  return index
}

let site: { version: string; index: MiniSearch<SearchSection>; texts: Map<string, string> } | undefined

/** The index of every published note, section by section (drafts never reach lib/content's list). */
function siteSearch() {
  if (site?.version !== contentVersion()) {
    const sections = getNotes().flatMap((note) => noteSections(note, getNoteSource(note.slug) ?? ''))
    site = { version: contentVersion(), index: buildSearchIndex(sections), texts: new Map(sections.map((section) => [section.id, section.text])) }
  }
  return site
}

export const siteSearchIndex = () => siteSearch().index

export type SearchHit = { id: string; url: string; title: string; heading: string; excerpt: string; terms: string[] }

export function searchSite(query: string, limit = 20): SearchHit[] {
  if (!query.trim()) return []
  const { index, texts } = siteSearch()
  return index
    .search(query, QUERY_OPTIONS)
    .slice(0, limit)
    .map((result) => ({
      id: String(result.id),
      url: result.url as string,
      title: result.noteTitle as string,
      heading: result.heading as string,
      // Around the first match in the section's text, so the result shows why it matched.
      excerpt: excerptAround(texts.get(String(result.id)) ?? '', result.terms),
      terms: result.terms,
    }))
}
