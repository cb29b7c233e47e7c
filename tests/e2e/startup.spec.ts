import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { AUTH_STATE_DIR, E2E_PORT, serverEnv } from './auth-env'

/** Starts the production server with the given sign-in settings; resolves with its exit code and output. */
function startServer(overrides: Record<string, string>, port: number) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    // In a process group of its own: a server that starts when it should not is stopped whole
    // (npx's child would outlive npx and hold the port).
    const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
      env: { ...process.env, ...serverEnv, ...overrides, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e' },
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGTERM'), 15_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

const REFUSED = "Refusing to start: the admin's saves or sign-ins would be lost or split between servers."
// Empty counts as unset, and keeps a value in the runner's environment or .env.local from reaching the server.
const NO_SHARED_STATE = { REDIS_URL: '', CONTENT_GIT_REMOTE: '' }

test('a production server with a weak secret or no password hash refuses to start, saying why', async () => {
  const weak = await startServer({ AUTH_SECRET: 'too-short', AUTHOR_PASSWORD_HASH: 'hunter2' }, E2E_PORT + 91)
  expect(weak.code).toBe(1)
  expect(weak.output).toContain('Refusing to start: sign-in is not safely configured.')
  expect(weak.output).toContain('AUTH_SECRET is too short')
  expect(weak.output).toContain('AUTHOR_PASSWORD_HASH must be an argon2id hash')
})

test('a second server on the suite server’s AUTH_STATE_DIR without Redis refuses to start, naming the server already there', async () => {
  const stateDir = path.resolve(AUTH_STATE_DIR)
  const claim = JSON.parse(readFileSync(path.join(stateDir, 'server.pid'), 'utf8')) as { pid: number }
  const second = await startServer(NO_SHARED_STATE, E2E_PORT + 92)
  expect(second.code).toBe(1)
  expect(second.output).toContain(REFUSED)
  expect(second.output).toContain(`Another server (pid ${claim.pid}) already uses AUTH_STATE_DIR ${stateDir}`)
  // The suite's server keeps its claim.
  expect(JSON.parse(readFileSync(path.join(stateDir, 'server.pid'), 'utf8'))).toEqual(claim)
})

test('a production server on Vercel without Redis or a content remote refuses to start, listing every problem', async () => {
  const vercel = await startServer({ ...NO_SHARED_STATE, VERCEL: '1', PUBLISH_MODE: '' }, E2E_PORT + 93)
  expect(vercel.code).toBe(1)
  expect(vercel.output).toContain(REFUSED)
  expect(vercel.output).toContain("without REDIS_URL, sessions and sign-in limits would be each instance's own. Set REDIS_URL.")
  expect(vercel.output).toContain('Without CONTENT_GIT_REMOTE, notes the admin saves on Vercel would vanish')
  expect(vercel.output).toContain('cannot rebuild the site on Vercel: set PUBLISH_MODE=deploy')
})
