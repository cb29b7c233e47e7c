// Next's own page cache (its file-system cache handler), with one change: the pages a publish
// marked stale stay marked across a restart. Next keeps those marks (revalidatePath's tags) in
// memory only, so a server restarted after an unpublish, before anyone asked for the page again,
// served the page it had on disk: a note the author had taken back, or a search manifest naming
// an index the server no longer has. Loaded by the server itself (next.config `cacheHandler`),
// never bundled, so it shares Next's module of marks.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import * as tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'

// CommonJS modules, which Node (`default` is `module.exports`) and Next's bundler (`default` is
// `exports.default`) hand over differently.
/** @type {any} */
const cacheExports = fileSystemCache
/** @type {typeof fileSystemCache.default} */
const FileSystemCache = cacheExports.default?.default ?? cacheExports.default
/** @type {any} */
const manifestExports = tagsManifestModule
/** @type {Map<string, { stale?: number, expired?: number }>} */
const tagsManifest = manifestExports.tagsManifest ?? manifestExports.default.tagsManifest

const loaded = new Set()

/**
 * Marks saved by an earlier server of this build, put back once per process.
 * @param {string} file
 */
function loadMarks(file) {
  if (loaded.has(file)) return
  loaded.add(file)
  /** @type {unknown} */
  let saved
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const { code, message } = /** @type {NodeJS.ErrnoException} */ (error)
    if (code === 'ENOENT') return
    // Unreadable: every cached page is treated as stale rather than trusted.
    console.error(`The page cache's marks could not be read (${message}): every page is rendered again.`)
    tagsManifest.set('_N_T_/layout', { expired: Date.now() })
    return
  }
  for (const [tag, entry] of /** @type {[string, { stale?: number, expired?: number }][]} */ (saved)) {
    const current = tagsManifest.get(tag)
    if (!current || (entry.expired ?? 0) > (current.expired ?? 0)) tagsManifest.set(tag, entry)
  }
}

/** @param {string} file */
function saveMarks(file) {
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify([...tagsManifest]))
  renameSync(temp, file)
}

class DurableMarksCache extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} context */
  constructor(context) {
    super(context)
    // Some of Next's callers (the proxy's) keep no pages on disk, and so no marks either.
    this.marksFile = context.serverDistDir ? path.join(context.serverDistDir, '..', 'cache', 'revalidated-tags.json') : undefined
    if (this.marksFile) loadMarks(this.marksFile)
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations)
    if (this.marksFile) saveMarks(this.marksFile)
  }
}

export default DurableMarksCache
