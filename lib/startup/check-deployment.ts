import { parseSettings } from '@/lib/settings/schema'
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
  const problems = parsed.ok ? deploymentProblems(parsed.settings, process.env, { whyNotWritable, claim: claimInstance }) : parsed.problems
  if (problems.length === 0) return
  const headline = parsed.ok ? "the admin's saves or sign-ins would be lost or split between servers." : 'the settings are invalid.'
  console.error(refusal(headline, problems))
  process.exit(1)
}
