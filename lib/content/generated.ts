import 'server-only'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Cv, Note, Problem, Profile } from 'contentlayer/generated'
import { currentBuildId, liveRoot, readLivePointer } from './live-pointer'

/** Contentlayer's output the public site is rendered from, and a name for this version of it. */
export type GeneratedContent = { id: string; allNotes: Note[]; allProblems: Problem[]; profile: Profile; allCvs: Cv[] }

const readIndex = <T>(dir: string, type: string): T => JSON.parse(readFileSync(path.join(dir, type, '_index.json'), 'utf8')) as T

// Read from disk when first needed, not imported: bundled, every note's compiled body became part
// of the build's server code (at 1,000 notes a 32 MB module, which took `next build` to 2.8 GB).
const buildOutput = path.join(/* turbopackIgnore: true */ process.cwd(), '.contentlayer', 'generated')

// One per process, not per module copy: each route bundle has its own copy of this module, and a
// version named per copy made caches keyed by it (the search index) rebuild whenever requests
// went to different routes, and held the notes once per route.
const loaded = ((globalThis as Record<symbol, unknown>)[Symbol.for('notes.generated-content')] ??= {}) as {
  built?: GeneratedContent & { stamp: number }
  live?: GeneratedContent
}

/**
 * What Contentlayer built with the site. `npm run dev` rebuilds it on every change, so there it
 * is read again when it changed; the version is named by when it was read, so caches keyed by it
 * (feeds, the search index) follow.
 */
function fromBuild(): GeneratedContent {
  const stamp = process.env.NODE_ENV === 'development' ? statSync(path.join(buildOutput, 'Note', '_index.json')).mtimeMs : 0
  if (loaded.built?.stamp !== stamp) {
    loaded.built = { id: `build-${Date.now().toString(36)}`, stamp, allNotes: readIndex(buildOutput, 'Note'), allProblems: readIndex(buildOutput, 'Problem'), profile: readIndex(buildOutput, 'Profile'), allCvs: readIndex(buildOutput, 'Cv') }
  }
  return loaded.built
}

/**
 * The content to render now: what the last live refresh published, when it was made for this
 * build; otherwise what was built with the site.
 */
export function generatedContent(): GeneratedContent {
  const pointer = readLivePointer()
  if (!pointer || pointer.buildId !== currentBuildId()) return fromBuild()
  if (loaded.live?.id !== pointer.dir) {
    const dir = path.join(liveRoot(), pointer.dir)
    try {
      loaded.live = { id: pointer.dir, allNotes: readIndex(dir, 'Note'), allProblems: readIndex(dir, 'Problem'), profile: readIndex(dir, 'Profile'), allCvs: readIndex(dir, 'Cv') }
    } catch (error) {
      // A snapshot that cannot be read never takes the site down: the build's own content serves.
      console.error(`The live content ${dir} cannot be read (${(error as Error).message}); serving the build's.`)
      return fromBuild()
    }
  }
  return loaded.live
}
