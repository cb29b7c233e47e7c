import { execFileSync } from 'node:child_process'
import { cpSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** A fresh copy of content/ at `contentDir`, in a git repository of its own (so saves are commits). */
export function prepareBenchContent(root, contentDir) {
  const dir = path.join(root, contentDir)
  rmSync(dir, { recursive: true, force: true })
  cpSync(path.join(root, 'content'), dir, { recursive: true })
  writeFileSync(path.join(dir, '.gitignore'), '.auth-state/\n')
  const git = (...args) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@localhost', ...args], { cwd: dir, stdio: 'ignore' })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'Bench content')
}

export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** "p50 …, p95 … (n=…)" of samples in milliseconds. */
export const latencySummary = (samples, digits = 1) =>
  `p50 ${percentile(samples, 50).toFixed(digits)} ms, p95 ${percentile(samples, 95).toFixed(digits)} ms (n=${samples.length})`
