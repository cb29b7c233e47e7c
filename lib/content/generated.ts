import 'server-only'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as built from 'contentlayer/generated'
import type { Note, Problem, Profile } from 'contentlayer/generated'
import { currentBuildId, liveRoot, readLivePointer } from './live-pointer'

/** Contentlayer's output the public site is rendered from, and a name for this version of it. */
export type GeneratedContent = { id: string; allNotes: Note[]; allProblems: Problem[]; profile: Profile }

// Named by when this module was evaluated: `npm run dev` evaluates it again after each content
// build, so caches keyed by the version (feeds, the search index) follow.
const fromBuild: GeneratedContent = { id: `build-${Date.now().toString(36)}`, allNotes: built.allNotes, allProblems: built.allProblems, profile: built.profile }

let live: GeneratedContent | undefined

const readIndex = <T>(dir: string, type: string): T => JSON.parse(readFileSync(path.join(dir, type, '_index.json'), 'utf8')) as T

/**
 * The content to render now: what the last live refresh published, when it was made for this
 * build; otherwise what was built with the site (bundled, so `npm run dev` reloads on a change).
 */
export function generatedContent(): GeneratedContent {
  const pointer = readLivePointer()
  if (!pointer || pointer.buildId !== currentBuildId()) return fromBuild
  if (live?.id !== pointer.dir) {
    const dir = path.join(liveRoot(), pointer.dir)
    try {
      live = { id: pointer.dir, allNotes: readIndex(dir, 'Note'), allProblems: readIndex(dir, 'Problem'), profile: readIndex(dir, 'Profile') }
    } catch (error) {
      // A snapshot that cannot be read never takes the site down: the build's own content serves.
      console.error(`The live content ${dir} cannot be read (${(error as Error).message}); serving the build's.`)
      return fromBuild
    }
  }
  return live
}
