import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Contentlayer caches each compiled note by its file's modification time, so a changed input
 * every note compiles with (the KaTeX macros, references.bib) would leave notes rendered with the
 * old one: forget the compiled notes when any of `inputs` (paths; a missing one reads as empty)
 * differs from the last build's.
 */
export function forgetCacheWhenInputsChange(inputs: string[], contentlayerDir = '.contentlayer') {
  const current = JSON.stringify(inputs.map((file) => [path.basename(file), existsSync(file) ? readFileSync(file, 'utf8') : '']))
  const stamp = path.join(contentlayerDir, '.compile-inputs')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === current) return
  const cacheDir = path.join(contentlayerDir, '.cache')
  if (existsSync(cacheDir)) {
    for (const version of readdirSync(cacheDir)) {
      for (const file of readdirSync(path.join(cacheDir, version))) {
        if (file.startsWith('data-')) rmSync(path.join(cacheDir, version, file), { force: true })
      }
    }
  }
  mkdirSync(contentlayerDir, { recursive: true })
  writeFileSync(stamp, current)
}
