import { realpathSync } from 'node:fs'
import { parseSettings, type Settings } from '@/lib/settings/schema'
import { deploymentProblems, refusal } from './deployment-check'
import { claimInstance } from './instance-claim'
import { isProductionServer } from './production-server'
import { whyNotWritable } from './writable'

/**
 * On a production server, exits (1), saying why, when the admin's saves or sign-ins would be lost
 * or split between servers (deployment-check.ts); otherwise claims the folders this server must be
 * alone in, until it exits.
 */
export function refuseUnsafeDeployment(): void {
  if (!isProductionServer()) return
  // What settings() reads, without lib/settings/index.ts: instrumentation bundles have refused its
  // 'server-only' import (vercel/next.js#62564).
  const parsed = parseSettings(process.env, /* turbopackIgnore: true */ process.cwd())
  const problems = parsed.ok ? deploymentProblems(realFolders(parsed.settings), process.env, { whyNotWritable, claim: claimInstance }) : parsed.problems
  if (problems.length === 0) return
  const headline = parsed.ok ? "the admin's saves or sign-ins would be lost or split between servers." : 'the settings are invalid.'
  console.error(refusal(headline, problems))
  process.exit(1)
}

/** The folders servers claim, through any links: two names for one clone are one clone. */
function realFolders(settings: Settings): Settings {
  const real = (dir: string) => {
    try {
      return realpathSync(dir)
    } catch {
      return dir // not made yet
    }
  }
  const { contentRemote } = settings
  return { ...settings, authStateDir: real(settings.authStateDir), ...(contentRemote && { contentRemote: { ...contentRemote, workDir: real(contentRemote.workDir) } }) }
}
