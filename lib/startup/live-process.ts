import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux Node runs on). */
const TICKS_PER_SECOND = 100
/** /proc's boot time is whole seconds and moves when the clock is set: a start this close to a claim counts as before it. */
const START_SLACK_MS = 5_000

/**
 * Whether `pid` is still the process that claimed something at `claimedAt`: signal 0 reaches it
 * (or it is another user's), it is not a zombie, and on Linux it did not start after the claim. A
 * container restarted after a kill -9 hands out the same pids again, to other processes.
 */
export function isLiveProcess(pid: number, claimedAt: number): boolean {
  // 0 and negative numbers name process groups, not processes.
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const proc = procStat(pid)
  if (!proc) return true
  return proc.state !== 'Z' && proc.state !== 'X' && !(proc.startedAt > claimedAt + START_SLACK_MS)
}

/** The process's state letter and start time (ms since 1970) from /proc; undefined off Linux. */
function procStat(pid: number): { state: string; startedAt: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // After "pid (command)", where the command may hold spaces and parentheses: state is field 3, start time field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1])
    return { state: fields[0], startedAt: (bootSeconds + Number(fields[19]) / TICKS_PER_SECOND) * 1000 }
  } catch {
    return undefined
  }
}
