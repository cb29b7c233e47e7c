import { spawn } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { E2E_PORT, serverEnv } from './auth-env'

/** Starts the production server with the given sign-in settings; resolves with its exit code and output. */
function startServer(overrides: Record<string, string>, port: number) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
      env: { ...process.env, ...serverEnv, ...overrides, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e' },
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGTERM'), 15_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

test('a production server with a weak secret or no password hash refuses to start, saying why', async () => {
  const weak = await startServer({ AUTH_SECRET: 'too-short', AUTHOR_PASSWORD_HASH: 'hunter2' }, E2E_PORT + 91)
  expect(weak.code).toBe(1)
  expect(weak.output).toContain('Refusing to start: sign-in is not safely configured.')
  expect(weak.output).toContain('AUTH_SECRET is too short')
  expect(weak.output).toContain('AUTHOR_PASSWORD_HASH must be an argon2id hash')
})
