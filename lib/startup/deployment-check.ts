import path from 'node:path'
import type { Settings } from '@/lib/settings/schema'

/** A claim on a folder for this server: made, held by another live server, or impossible to make. */
export type ClaimResult = { ok: true } | { ok: false; pid: number } | { ok: false; error: string }

/** What the check asks of the machine (real ones: writable.ts and instance-claim.ts). */
export type DeploymentProbes = {
  /** Undefined when files can be made in `dir` (or where it would be made); else why not. */
  whyNotWritable: (dir: string) => string | undefined
  /** Makes this server the one using what `file` stands for, unless a live server already is. */
  claim: (file: string) => ClaimResult
}

type Env = Record<string, string | undefined>

/** The claim on AUTH_STATE_DIR, inside it. */
export const AUTH_STATE_CLAIM = 'server.pid'

/** The claim on a clone, beside it: the clone itself is made at the first save. */
export const cloneClaimFile = (workDir: string) => `${workDir}.pid`

const SERVERLESS_HOSTS: [variable: string, host: string][] = [
  ['VERCEL', 'Vercel'],
  ['NETLIFY', 'Netlify'],
  ['AWS_LAMBDA_FUNCTION_NAME', 'AWS Lambda'],
]

/** The serverless host this server runs on, by the variable each sets; undefined elsewhere. */
export function serverlessHost(env: Env): string | undefined {
  return SERVERLESS_HOSTS.find(([variable]) => env[variable])?.[1]
}

/** Whether PM2 runs several copies of this server. */
export function isPm2Cluster(env: Env): boolean {
  // PM2 sets NODE_APP_INSTANCE in fork mode too; exec_mode and instances (also copied into the
  // environment by PM2) tell one process from several.
  return env.NODE_APP_INSTANCE !== undefined && (env.exec_mode === 'cluster_mode' || Number(env.instances) > 1)
}

/**
 * Why this server must not start where it is: each problem names the folder or variable at fault
 * and how to fix it; empty when it may. Claims the folders only one server may use as it goes.
 */
export function deploymentProblems(settings: Settings, env: Env, probes: DeploymentProbes): string[] {
  const host = serverlessHost(env)
  return [...(host ? serverlessProblems(settings, host) : machineProblems(settings, env, probes)), ...cloneProblems(settings, probes)]
}

function serverlessProblems(settings: Settings, host: string): string[] {
  return [
    !settings.redis && `${host} may answer each request from a fresh instance with a throwaway disk: without REDIS_URL, sessions and sign-in limits would be each instance's own. Set REDIS_URL.`,
    !settings.contentRemote && `Without CONTENT_GIT_REMOTE, notes the admin saves on ${host} would vanish with the instance that saved them. Set CONTENT_GIT_REMOTE.`,
    settings.publishMode === 'live' &&
      `PUBLISH_MODE is "live" (the default), but a serverless function cannot rebuild the site on ${host}: set PUBLISH_MODE=deploy; the host builds after each push.`,
  ].filter((problem): problem is string => typeof problem === 'string')
}

function machineProblems(settings: Settings, env: Env, probes: DeploymentProbes): string[] {
  const problems: string[] = []
  const notesProblem = settings.contentRemote ? undefined : probes.whyNotWritable(settings.notesDir)
  if (notesProblem) {
    problems.push(
      `The notes folder ${settings.notesDir} cannot be written (${notesProblem}), so the admin could not save a note: set CONTENT_GIT_REMOTE (notes then live in a writable clone) or make the folder writable.`,
    )
  }
  if (!settings.redis) problems.push(...authStateProblems(settings.authStateDir, env, probes))
  return problems
}

/** AUTH_STATE_DIR, used only without REDIS_URL: writable, and this server's alone. */
function authStateProblems(dir: string, env: Env, probes: DeploymentProbes): string[] {
  const notWritable = probes.whyNotWritable(dir)
  if (notWritable) return [`AUTH_STATE_DIR ${dir} cannot be written (${notWritable}), so sign-ins could not be recorded: set REDIS_URL, or AUTH_STATE_DIR to a writable folder.`]
  if (isPm2Cluster(env)) {
    return [
      `PM2 runs several processes of this server (NODE_APP_INSTANCE=${env.NODE_APP_INSTANCE}): without REDIS_URL each would count failed sign-ins on its own, so the lockout would allow 5 per process. Set REDIS_URL, or run one process (exec_mode "fork", instances 1).`,
    ]
  }
  const claim = probes.claim(path.join(dir, AUTH_STATE_CLAIM))
  if (claim.ok) return []
  if ('pid' in claim) {
    return [
      `Another server (pid ${claim.pid}) already uses AUTH_STATE_DIR ${dir}: without REDIS_URL each would count failed sign-ins on its own, so the lockout would allow 5 per server. Stop it, give this server its own AUTH_STATE_DIR, or set REDIS_URL for both.`,
    ]
  }
  return [`AUTH_STATE_DIR ${dir} cannot be claimed for this server (${claim.error}): set REDIS_URL, or AUTH_STATE_DIR to a writable folder.`]
}

/** The clone of CONTENT_GIT_REMOTE belongs to one server, Redis or not. */
function cloneProblems(settings: Settings, probes: DeploymentProbes): string[] {
  if (!settings.contentRemote) return []
  const { workDir } = settings.contentRemote
  const claim = probes.claim(cloneClaimFile(workDir))
  if (claim.ok) return []
  if ('pid' in claim) return [`Another server (pid ${claim.pid}) already works in the clone ${workDir}, and each instance needs a clone of its own: give each instance its own CONTENT_WORK_DIR.`]
  return [`The clone ${workDir} cannot be claimed for this server (${claim.error}): set CONTENT_WORK_DIR to a folder in a writable place.`]
}

/** What the server prints before it exits. */
export function refusal(headline: string, problems: string[]): string {
  return `\nRefusing to start: ${headline}\n  ${problems.join('\n  ')}\nSee README, "Deploy" (what each host needs) and "Settings" (the configurations the server refuses).\n`
}
