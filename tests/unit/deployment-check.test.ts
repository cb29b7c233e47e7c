import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { parseSettings, type Settings } from '@/lib/settings/schema'
import { AUTH_STATE_CLAIM, cloneClaimFile, deploymentProblems, refusal, type ClaimResult, type DeploymentProbes } from '@/lib/startup/deployment-check'
import { claimInstance } from '@/lib/startup/instance-claim'
import { processStart } from '@/lib/startup/live-process'
import { whyNotWritable } from '@/lib/startup/writable'

const project = path.resolve('/srv/site')
const REMOTE = { CONTENT_GIT_REMOTE: 'https://git.example/me/notes.git', CONTENT_WORK_DIR: '/var/notes-clone' }
const REDIS = { REDIS_URL: 'redis://127.0.0.1:6379' }

const dirs: string[] = []
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'deployment-'))
  dirs.push(dir)
  return dir
}

function settingsFrom(env: Record<string, string>, projectDir = project): Settings {
  const result = parseSettings(env, projectDir)
  if (!result.ok) throw new Error(result.problems.join('; '))
  return result.settings
}

/** Probes that answer from the lists given, and record what was asked. */
function fakeProbes({ unwritable = [] as string[], claimedBy = {} as Record<string, number> } = {}) {
  const asked = { writable: [] as string[], claims: [] as string[] }
  const probes: DeploymentProbes = {
    whyNotWritable: (dir) => (asked.writable.push(dir), unwritable.includes(dir) ? 'EROFS: read-only file system' : undefined),
    claim: (file): ClaimResult => (asked.claims.push(file), claimedBy[file] ? { ok: false, pid: claimedBy[file] } : { ok: true }),
  }
  return { probes, asked }
}

function check(env: Record<string, string>, probeLists: Parameters<typeof fakeProbes>[0] = {}, hostEnv: Record<string, string> = {}) {
  const { probes, asked } = fakeProbes(probeLists)
  return { problems: deploymentProblems(settingsFrom(env), hostEnv, probes), asked }
}

describe('deploymentProblems', () => {
  it('passes the embedded default: writable folders, one server, and claims the sign-in folder', () => {
    const { problems, asked } = check({})
    expect(problems).toEqual([])
    expect(asked.writable).toEqual([path.join(project, 'content/notes'), path.join(project, '.data')])
    expect(asked.claims).toEqual([path.join(project, '.data', AUTH_STATE_CLAIM)])
  })

  it('refuses a notes folder it cannot write without CONTENT_GIT_REMOTE, naming the folder and both ways out', () => {
    const notes = path.join(project, 'content/notes')
    const [problem, ...others] = check({}, { unwritable: [notes] }).problems
    expect(others).toEqual([])
    expect(problem).toContain(`The notes folder ${notes} cannot be written (EROFS: read-only file system)`)
    expect(problem).toContain('set CONTENT_GIT_REMOTE')
    expect(problem).toContain('make the folder writable')
    // With a remote, notes live in the clone: the app folder is never written.
    expect(check(REMOTE, { unwritable: [notes] })).toEqual({ problems: [], asked: { writable: [path.join(project, '.data')], claims: expect.any(Array) } })
  })

  it('refuses an AUTH_STATE_DIR it cannot write without REDIS_URL, and never looks at it with Redis', () => {
    const state = path.resolve('/var/lib/notes-state')
    const { problems } = check({ AUTH_STATE_DIR: state }, { unwritable: [state] })
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^AUTH_STATE_DIR ${state} cannot be written .*sign-ins could not be recorded: set REDIS_URL, or AUTH_STATE_DIR to a writable folder`))])
    const withRedis = check({ AUTH_STATE_DIR: state, ...REDIS }, { unwritable: [state] })
    expect(withRedis.problems).toEqual([])
    expect(withRedis.asked.writable).not.toContain(state)
    expect(withRedis.asked.claims).toEqual([])
  })

  it('lists every problem of a serverless host at once, naming the host', () => {
    const { problems, asked } = check({}, {}, { VERCEL: '1' })
    expect(problems).toHaveLength(3)
    expect(problems[0]).toMatch(/^Vercel may answer each request from a fresh instance .*without REDIS_URL, sessions and sign-in limits .* Set REDIS_URL\.$/)
    expect(problems[1]).toBe('Without CONTENT_GIT_REMOTE, notes the admin saves on Vercel would vanish with the instance that saved them. Set CONTENT_GIT_REMOTE.')
    expect(problems[2]).toMatch(/^PUBLISH_MODE is "live" .*cannot rebuild the site on Vercel: set PUBLISH_MODE=deploy/)
    // The throwaway disk is the problem: whether it can be written says nothing.
    expect(asked.writable).toEqual([])
    expect(check({}, {}, { NETLIFY: 'true' }).problems[0]).toMatch(/^Netlify may answer/)
    expect(check({ ...REDIS, ...REMOTE }, {}, { AWS_LAMBDA_FUNCTION_NAME: 'notes' }).problems).toEqual([expect.stringContaining('on AWS Lambda: set PUBLISH_MODE=deploy')])
  })

  it('passes Vercel with Redis, a content remote and PUBLISH_MODE=deploy, claiming the clone', () => {
    const { problems, asked } = check({ ...REDIS, ...REMOTE, PUBLISH_MODE: 'deploy' }, {}, { VERCEL: '1' })
    expect(problems).toEqual([])
    expect(asked.claims).toEqual([cloneClaimFile(path.resolve(project, REMOTE.CONTENT_WORK_DIR))])
  })

  it('refuses PM2 cluster mode without Redis, but not PM2 running one process', () => {
    const cluster = check({}, {}, { NODE_APP_INSTANCE: '1', exec_mode: 'cluster_mode', instances: '4' })
    expect(cluster.problems).toEqual([expect.stringMatching(/^PM2 runs several processes of this server \(NODE_APP_INSTANCE=1\): without REDIS_URL .* Set REDIS_URL, or run one process/)])
    expect(check({}, {}, { NODE_APP_INSTANCE: '0', exec_mode: 'fork_mode', instances: '3' }).problems).toHaveLength(1)
    expect(check({}, {}, { NODE_APP_INSTANCE: '0', exec_mode: 'fork_mode', instances: '1' }).problems).toEqual([])
    expect(check(REDIS, {}, { NODE_APP_INSTANCE: '1', exec_mode: 'cluster_mode', instances: '4' }).problems).toEqual([])
  })

  it('refuses a second server on the same AUTH_STATE_DIR without Redis, naming the other one', () => {
    const claim = path.join(project, '.data', AUTH_STATE_CLAIM)
    const { problems } = check({}, { claimedBy: { [claim]: 4242 } })
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^Another server \\(pid 4242\\) already uses AUTH_STATE_DIR ${path.join(project, '.data')}: .* set REDIS_URL for both\\.$`))])
  })

  it('refuses a second server in the same clone, Redis or not, saying to give each its own CONTENT_WORK_DIR', () => {
    const workDir = path.resolve(project, REMOTE.CONTENT_WORK_DIR)
    const { problems } = check({ ...REMOTE, ...REDIS }, { claimedBy: { [`${workDir}.pid`]: 777 } })
    expect(problems).toEqual([`Another server (pid 777) already works in the clone ${workDir}, and each instance needs a clone of its own: give each instance its own CONTENT_WORK_DIR.`])
  })

  it('prints the headline, each problem on its own indented line, and where to read more', () => {
    expect(refusal('the headline.', ['one', 'two'])).toBe('\nRefusing to start: the headline.\n  one\n  two\nSee README, "Deploy" (what each host needs) and "Settings" (the configurations the server refuses).\n')
  })
})

describe('whyNotWritable', () => {
  it('passes a writable folder, and a missing one it could make, leaving nothing behind', () => {
    const dir = tempDir()
    expect(whyNotWritable(dir)).toBeUndefined()
    expect(whyNotWritable(path.join(dir, 'not/yet'))).toBeUndefined()
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses a folder under a file, which nobody, root included, can make', () => {
    const file = path.join(tempDir(), 'a-file')
    writeFileSync(file, '')
    expect(whyNotWritable(path.join(file, 'sub'))).toBe(`${file} is a file, not a folder`)
  })

  // chmod 0555 does not stop root, and root's access(W_OK) passes on /proc too: only making a file
  // there fails (ENOENT), as on a read-only bind mount. Off Linux there is no /proc.
  it.runIf(process.platform === 'linux')('refuses a folder where no file can be made, even when access() says yes', () => {
    expect(whyNotWritable('/proc')).toMatch(/\/proc\/\.startup-write-check\.[0-9a-f]{12}\.tmp/)
  })

  it('refuses to start on a real notes folder it cannot write', () => {
    const root = tempDir()
    writeFileSync(path.join(root, 'content'), '')
    const problems = deploymentProblems(settingsFrom({ AUTH_STATE_DIR: path.join(root, 'state') }, root), {}, { whyNotWritable, claim: claimInstance })
    expect(problems).toEqual([`The notes folder ${path.join(root, 'content/notes')} cannot be written (${path.join(root, 'content')} is a file, not a folder), so the admin could not save a note: set CONTENT_GIT_REMOTE (notes then live in a writable clone) or make the folder writable.`])
    expect(JSON.parse(readFileSync(path.join(root, 'state', AUTH_STATE_CLAIM), 'utf8'))).toMatchObject({ pid: process.pid })
  })
})

const sleeper = () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' })
  children.push(child)
  return child
}
const readClaim = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { pid: number; startedAt: string; process?: string }
/** A claim as `pid` would have written it (its real process start), or with another start. */
const writeClaim = (file: string, pid: number, start = processStart(pid)) => writeFileSync(file, JSON.stringify({ pid, startedAt: new Date().toISOString(), ...(start && { process: start }) }))

describe('claimInstance', () => {
  it('claims a free file, its parent made, and claims it again in the same process', () => {
    const file = path.join(tempDir(), 'state', AUTH_STATE_CLAIM)
    expect(claimInstance(file)).toEqual({ ok: true })
    expect(readClaim(file)).toEqual({ pid: process.pid, startedAt: expect.any(String), ...(process.platform === 'linux' && { process: processStart('self') }) })
    expect(claimInstance(file)).toEqual({ ok: true })
    expect(readdirSync(path.dirname(file))).toEqual([AUTH_STATE_CLAIM])
  })

  // The wall clock may jump (a virtual machine resumed, NTP): only the process's own start counts.
  it.runIf(process.platform === 'linux')('refuses a live holder\'s claim whatever time the claim says it was made', () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    const other = sleeper()
    writeFileSync(file, JSON.stringify({ pid: other.pid, startedAt: '2001-01-01T00:00:00.000Z', process: processStart(other.pid!) }))
    expect(claimInstance(file)).toEqual({ ok: false, pid: other.pid })
    other.kill('SIGKILL')
  })

  it('refuses a claim a live process holds, and leaves it alone', () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    const other = sleeper()
    writeClaim(file, other.pid!)
    const before = readFileSync(file, 'utf8')
    expect(claimInstance(file)).toEqual({ ok: false, pid: other.pid })
    expect(readFileSync(file, 'utf8')).toBe(before)
    other.kill('SIGKILL')
  })

  it('takes over the claim of a process killed with -9', async () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    const killed = sleeper()
    writeClaim(file, killed.pid!)
    killed.kill('SIGKILL')
    await once(killed, 'exit')
    expect(claimInstance(file)).toEqual({ ok: true })
    expect(readClaim(file).pid).toBe(process.pid)
  })

  it('takes over an unreadable claim', () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    writeFileSync(file, '')
    expect(claimInstance(file)).toEqual({ ok: true })
    expect(readClaim(file).pid).toBe(process.pid)
  })

  // A container restarted after a kill -9 hands the dead server's pid to another process.
  it.runIf(process.platform === 'linux')('takes over a claim whose pid now belongs to another process', () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    const newer = sleeper()
    writeClaim(file, newer.pid!, String(Number(processStart(newer.pid!)) - 100))
    expect(claimInstance(file)).toEqual({ ok: true })
    newer.kill('SIGKILL')
  })

  // kill(pid, 0) reaches a zombie: a server killed with -9 whose parent has not reaped it yet.
  it.runIf(process.platform === 'linux')('takes over the claim of a zombie', async () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    const parent = spawn(
      process.execPath,
      ['-e', "const c = require('child_process').spawn(process.execPath, ['-e', '']); console.log(c.pid); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30000)"],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    children.push(parent)
    const [line] = await once(parent.stdout!, 'data')
    const zombie = Number(String(line).trim())
    writeClaim(file, zombie)
    await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1][0], { timeout: 10_000 }).toBe('Z')
    expect(claimInstance(file)).toEqual({ ok: true })
    parent.kill('SIGKILL')
  })

  it('says why when the claim cannot be made at all', () => {
    const file = path.join(tempDir(), 'a-file')
    writeFileSync(file, '')
    expect(claimInstance(path.join(file, 'sub', AUTH_STATE_CLAIM))).toEqual({ ok: false, error: expect.stringMatching(/ENOTDIR|EEXIST/) })
  })
})

describe('a claim is released when its server exits', () => {
  const bundleDir = tempDir()
  let bundle: Promise<string> | undefined
  /** fixtures/claim-child.ts as one file node runs as it is (node 20 cannot run TypeScript). */
  const childBundle = () =>
    (bundle ??= build({
      entryPoints: [fileURLToPath(new URL('fixtures/claim-child.ts', import.meta.url))],
      outfile: path.join(bundleDir, 'claim-child.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    }).then(() => path.join(bundleDir, 'claim-child.cjs')))

  async function claimInChild(file: string) {
    const child = spawn(process.execPath, [await childBundle(), file], { stdio: ['pipe', 'pipe', 'inherit'] })
    children.push(child)
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
    const [line] = await once(child.stdout!, 'data')
    expect(JSON.parse(String(line))).toEqual({ ok: true })
    expect(readClaim(file).pid).toBe(child.pid)
    return { child, exited }
  }

  it('when it ends on its own', async () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    const { child, exited } = await claimInChild(file)
    child.stdin!.end()
    expect(await exited).toEqual([0, null])
    expect(existsSync(file)).toBe(false)
  })

  it('on SIGTERM, which still ends it when nothing else listens', async () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    const { child, exited } = await claimInChild(file)
    child.kill('SIGTERM')
    expect(await exited).toEqual([null, 'SIGTERM'])
    expect(existsSync(file)).toBe(false)
  })

  it('but never removes a claim another server has taken over since', async () => {
    const file = path.join(tempDir(), AUTH_STATE_CLAIM)
    const { child, exited } = await claimInChild(file)
    writeClaim(file, process.pid)
    child.kill('SIGINT')
    expect(await exited).toEqual([null, 'SIGINT'])
    expect(readClaim(file).pid).toBe(process.pid)
  })

})
