// Bundled by scripts/bench-search.mjs (plain Node cannot import TypeScript): the site's own search
// code, exactly as the build and the browser use it.
export { default as MiniSearch } from 'minisearch'
export { INDEX_OPTIONS, QUERY_OPTIONS } from '@/lib/search/options'
export { noteSections } from '@/lib/search/sections'
export { shardSearchIndex } from '@/lib/search/shard-build'
export { ShardedSearch } from '@/lib/search/shards'
