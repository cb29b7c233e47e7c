import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

// The files `next start` loads; `next dev` reads the same, bar the .production ones.
const NEXT_ENV_FILES = ['.env.production.local', '.env.local', '.env.production', '.env']

/**
 * Environment values for a Next server started by a script (tests, benchmarks). Next expands `$…`
 * in an inherited value when an env file in the project also sets that key (so an argon2 hash
 * passed while `.env.local` has one arrives mangled), and leaves it alone otherwise; escaping
 * exactly those values makes them arrive as given either way.
 * @param {Record<string, string>} values
 * @param {string} root the project folder
 * @returns {Record<string, string>}
 */
export function forNextServer(values, root) {
  const keysInFiles = new Set()
  for (const file of NEXT_ENV_FILES) {
    const full = path.join(root, file)
    if (!existsSync(full)) continue
    for (const [, key] of readFileSync(full, 'utf8').matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)) keysInFiles.add(key)
  }
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, keysInFiles.has(key) ? value.replaceAll('$', '\\$') : value]),
  )
}
