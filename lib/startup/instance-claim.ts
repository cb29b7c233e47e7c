import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ClaimResult } from './deployment-check'
import { isLiveProcess, processStart } from './live-process'

/** What a claim file holds: the server that made it, when, and (Linux) its process start to tell it from a later one with its pid. */
type Claim = { pid: number; startedAt: string; process?: string }

const held = new Set<string>()

/**
 * Makes this process the one server using what `file` stands for (a folder beside or around it),
 * unless a live server already is. A claim whose server died without removing it (kill -9, a
 * power cut) is taken over. Ours is removed when this process exits.
 */
export function claimInstance(file: string): ClaimResult {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    if (!createClaim(file)) {
      const holder = readClaim(file)
      if (holder && holder.pid !== process.pid && isLiveProcess(holder.pid, holder.process)) return { ok: false, pid: holder.pid }
      renameSync(writeTemp(file), file)
      // Two servers taking over one dead claim at once: the last rename wins, the other one yields.
      const now = readClaim(file)
      if (now && now.pid !== process.pid) return { ok: false, pid: now.pid }
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
  releaseOnExit(file)
  return { ok: true }
}

/**
 * Creates the claim unless there is one. A hard link, not open('wx'): the claim appears with its
 * content, so another server never reads it half written and takes it for a dead one's.
 */
function createClaim(file: string): boolean {
  const temp = writeTemp(file)
  try {
    linkSync(temp, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    rmSync(temp, { force: true })
  }
}

function writeTemp(file: string): string {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  const start = processStart('self')
  const claim: Claim = { pid: process.pid, startedAt: new Date().toISOString(), ...(start && { process: start }) }
  writeFileSync(temp, `${JSON.stringify(claim)}\n`, { mode: 0o600 })
  return temp
}

/** The claim in `file`; undefined when it is gone or unreadable (then nobody holds it). */
function readClaim(file: string): Claim | undefined {
  try {
    const claim = JSON.parse(readFileSync(file, 'utf8')) as Partial<Claim>
    const wellFormed = Number.isInteger(claim.pid) && typeof claim.startedAt === 'string' && (claim.process === undefined || typeof claim.process === 'string')
    return wellFormed ? (claim as Claim) : undefined
  } catch {
    return undefined
  }
}

function releaseAll(): void {
  for (const file of held) {
    try {
      if (readClaim(file)?.pid === process.pid) rmSync(file, { force: true })
    } catch {
      // Best effort: a claim left behind is taken over once this process is gone.
    }
  }
  held.clear()
}

function releaseOnExit(file: string): void {
  if (held.size === 0) {
    process.once('exit', releaseAll)
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        // Next's own handler exits (and 'exit' releases); alone, ours would keep the process alive,
        // so it ends it the way the signal would have.
        if (process.listenerCount(signal) > 0) return
        releaseAll()
        process.kill(process.pid, signal)
      })
    }
  }
  held.add(file)
}
