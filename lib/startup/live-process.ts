import { readFileSync } from 'node:fs'

/**
 * When a process started, as Linux counts it (clock ticks since boot, /proc/<pid>/stat field 22):
 * the same number for the same process for as long as it lives, whatever the wall clock does (a
 * virtual machine resumed, a clock set by NTP). Undefined off Linux or for no such process.
 */
export function processStart(pid: number | 'self'): string | undefined {
  return procStat(pid)?.start
}

/**
 * Whether `pid` is still the process that wrote a claim: signal 0 reaches it (or it is another
 * user's), it is not a zombie, and where the claim recorded its start (Linux) it is the same
 * process, not a later one given the same pid (a container restarted after a kill -9 hands out the
 * same pids again).
 */
export function isLiveProcess(pid: number, startedAs?: string): boolean {
  // 0 and negative numbers name process groups, not processes.
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const proc = procStat(pid)
  if (!proc) return true
  return proc.state !== 'Z' && proc.state !== 'X' && (startedAs === undefined || proc.start === startedAs)
}

/** The process's state letter and start from /proc; undefined off Linux. */
function procStat(pid: number | 'self'): { state: string; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // After "pid (command)", where the command may hold spaces and parentheses: state is field 3, start time field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state: fields[0], start: fields[19] }
  } catch {
    return undefined
  }
}
