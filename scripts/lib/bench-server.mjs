import { spawn, spawnSync } from 'node:child_process'
import { forNextServer } from './next-env.mjs'
import { hashPassword, randomSecret } from './password.mjs'

/**
 * Environment for a production server the benchmarks start: a production server refuses to start
 * without sign-in settings, so it gets throwaway ones (and the password, to sign in with). `root`
 * is the folder the server runs in: only keys its env files also set need their `$` escaped.
 */
export async function benchEnv(password, extra = {}, root = process.cwd()) {
  const values = { AUTH_SECRET: randomSecret(), AUTHOR_EMAIL: 'bench@example.com', AUTHOR_PASSWORD_HASH: await hashPassword(password), ...extra }
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...forNextServer(values, root) }
}

/** Runs a command to completion, or throws naming it. */
export function sh(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

/**
 * `next start` in `cwd` on a local port, resolved once it answers `readyPath`, with `stop()`. It
 * runs in its own process group: killing npx alone would leave next-server holding the port.
 */
export async function serve(cwd, port, env, readyPath = '/') {
  try {
    await fetch(`http://127.0.0.1:${port}/`)
    throw new Error(`port ${port} is already in use (a server left over from an earlier run?)`)
  } catch (error) {
    if (error.message.startsWith('port')) throw error
  }
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { cwd, env, stdio: 'ignore', detached: true })
  const server = { stop: () => { try { process.kill(-child.pid, 'SIGTERM') } catch { /* already gone */ } } }
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${readyPath}`)).ok) return server
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  server.stop()
  throw new Error(`next start on port ${port} did not answer`)
}
