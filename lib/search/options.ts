import type { Options, SearchOptions } from 'minisearch'
import { tokenize } from './tokenize'

/** One section of a note: the text under one heading (or before the first). */
export type SearchSection = {
  id: string
  url: string
  /** The note's title, shown with every section. */
  noteTitle: string
  /** The note's title and tags again, but only on its first section, which is what they index. */
  title: string
  heading: string
  tags: string
  summary: string
  text: string
  excerpt: string
}

/** Shared by the build (which makes the index) and the browser (which loads it). */
export const INDEX_OPTIONS: Options<SearchSection> = {
  fields: ['title', 'heading', 'tags', 'summary', 'text'],
  storeFields: ['url', 'noteTitle', 'heading', 'excerpt'],
  tokenize,
  processTerm: (term) => term.toLowerCase(),
}

export const QUERY_OPTIONS: SearchOptions = {
  boost: { title: 4, heading: 3, tags: 2, summary: 1.5 },
  prefix: (term) => term.length > 2,
  fuzzy: (term) => (term.length > 5 ? 0.15 : false),
  combineWith: 'AND',
}

/** The index's manifest (lib/search/shards.ts), fetched when search opens; it names the files below. */
export const SEARCH_INDEX_PATH = '/search-index.json'

/** A term shard or a note's results in one version of the index: the same bytes for good. */
export const searchFilePath = (version: string, kind: 'terms' | 'notes', n: number) => `/search-index/${version}/${kind}/${n}.json`
