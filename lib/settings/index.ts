import 'server-only'
import { parseSettings, type Settings } from './schema'

export type { ContentRemote, PublishMode, RedisSettings, Settings } from './schema'

let current: Settings | undefined

/**
 * The server's settings (README, "Settings"), read from the environment on first use and kept.
 * A bad value throws, naming its variable. Sign-in secrets are lib/auth's (env-schema.ts).
 */
export function settings(): Settings {
  if (!current) {
    const result = parseSettings(process.env, /* turbopackIgnore: true */ process.cwd())
    if (!result.ok) throw new Error(`Invalid settings:\n  ${result.problems.join('\n  ')}`)
    current = result.settings
  }
  return current
}

/** Forgets the settings read, for tests that change the environment or the working folder. */
export function resetSettings(): void {
  current = undefined
}
