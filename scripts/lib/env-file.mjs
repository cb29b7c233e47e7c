// Reads and writes .env.local the way Next loads it: `$` must be written `\$`, or dotenv-expand
// would read an argon2 hash ("$argon2id$v=19$…") as variables and mangle it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

/** @param {string} file @returns {Record<string, string>} */
export function readEnvFile(file) {
  if (!existsSync(file)) return {}
  /** @type {Record<string, string>} */
  const values = {}
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!match) continue
    let value = match[2].trim()
    if (/^'.*'$/.test(value) || /^".*"$/.test(value)) value = value.slice(1, -1)
    values[match[1]] = value.replace(/\\\$/g, '$')
  }
  return values
}

/**
 * Sets the given keys, keeps every other line as it was, writes atomically with mode 0600.
 * @param {string} file @param {Record<string, string>} updates
 */
export function updateEnvFile(file, updates) {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : []
  const pending = new Map(Object.entries(updates))
  const escaped = (/** @type {unknown} */ value) => String(value).replace(/\$/g, '\\$')
  const next = lines.map((line) => {
    const key = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1]
    if (!key || !pending.has(key)) return line
    const value = pending.get(key)
    pending.delete(key)
    return `${key}=${escaped(value)}`
  })
  while (next.length && next.at(-1) === '') next.pop()
  for (const [key, value] of pending) next.push(`${key}=${escaped(value)}`)
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${next.join('\n')}\n`, { mode: 0o600 })
  renameSync(temp, file)
}
