import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { settings } from '@/lib/settings'

/**
 * The folder a live refresh of a content folder publishes into (see lib/publishing/refresh.ts):
 * one per content folder (or per clone of a content remote), so servers of different content in
 * one project never mix.
 */
export function liveDirFor(projectDir: string, contentDir: string): string {
  const key = createHash('sha256').update(path.resolve(projectDir, contentDir)).digest('hex').slice(0, 12)
  return path.join(projectDir, '.contentlayer', 'live', key)
}
/** Names the published snapshot: `{ "dir": "<gen>", "buildId": "…" }`, replaced atomically. */
export const LIVE_POINTER = 'current.json'

export type LivePointer = { dir: string; buildId: string }

/** This server's live folder: its content remote clone's (CONTENT_WORK_DIR), else its content folder's (CONTENT_DIR). */
export function liveRoot(): string {
  const { projectDir, contentDir, contentRemote } = settings()
  return liveDirFor(projectDir, contentRemote?.workDir ?? contentDir)
}

let buildId: string | undefined

/** The Next build this server runs, or '' outside one (dev, the build itself, tests). */
export function currentBuildId(): string {
  // `next dev` keeps its output elsewhere; a production build's BUILD_ID may still be there.
  if (process.env.NODE_ENV === 'development') return ''
  if (buildId === undefined) {
    try {
      buildId = readFileSync(path.join(settings().distDir, 'BUILD_ID'), 'utf8').trim()
    } catch {
      buildId = ''
    }
  }
  return buildId
}

export function readLivePointer(root = liveRoot()): LivePointer | null {
  try {
    const pointer = JSON.parse(readFileSync(path.join(root, LIVE_POINTER), 'utf8')) as LivePointer
    return typeof pointer.dir === 'string' && /^[\w-]+$/.test(pointer.dir) ? pointer : null
  } catch {
    return null
  }
}

