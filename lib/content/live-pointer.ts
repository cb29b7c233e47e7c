import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The folder a live refresh publishes into (see lib/publishing/refresh.ts). */
export const LIVE_DIR = path.join('.contentlayer', 'live')
/** Names the published snapshot: `{ "dir": "<gen>", "buildId": "…" }`, replaced atomically. */
export const LIVE_POINTER = 'current.json'

export type LivePointer = { dir: string; buildId: string }

export const liveRoot = () => path.join(/* turbopackIgnore: true */ process.cwd(), LIVE_DIR)

let buildId: string | undefined

/** The Next build this server runs, or '' outside one (dev, the build itself, tests). */
export function currentBuildId(): string {
  if (buildId === undefined) {
    try {
      const distDir = process.env.NEXT_DIST_DIR || '.next'
      buildId = readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), distDir, 'BUILD_ID'), 'utf8').trim()
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

