import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { parseAuthEnv } from '@/lib/auth/env-schema'
import { verifyPassword } from '@/lib/auth/password'
import { ensureDevCredentials } from '../../scripts/lib/dev-env.mjs'
import { readEnvFile } from '../../scripts/lib/env-file.mjs'

const dir = mkdtempSync(path.join(tmpdir(), 'dev-env-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('first run of npm run dev', () => {
  it('creates a valid sign-in setup in .env.local (mode 0600) and prints the password once', async () => {
    const saved = { ...process.env }
    delete process.env.AUTH_SECRET
    delete process.env.AUTHOR_EMAIL
    delete process.env.AUTHOR_PASSWORD_HASH
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      await ensureDevCredentials(dir, '3000')
      const printed = log.mock.calls.map((call) => String(call[0])).join('\n')
      const password = /Password: (\S+)/.exec(printed)?.[1]
      const env = readEnvFile(path.join(dir, '.env.local'))
      expect(parseAuthEnv(env).ok).toBe(true)
      expect(await verifyPassword(env.AUTHOR_PASSWORD_HASH, password!)).toBe(true)
      expect(printed).toContain('http://localhost:3000/sign-in')
      expect((statSync(path.join(dir, '.env.local')).mode & 0o777).toString(8)).toBe('600')

      log.mockClear()
      await ensureDevCredentials(dir, '3000')
      expect(log).not.toHaveBeenCalled()
      expect(readEnvFile(path.join(dir, '.env.local'))).toEqual(env)
    } finally {
      log.mockRestore()
      process.env = saved
    }
  })
})

describe('forNextServer', () => {
  it('escapes $ exactly in the values an env file also sets, which Next would otherwise expand', async () => {
    const { forNextServer } = await import('../../scripts/lib/next-env.mjs')
    const root = mkdtempSync(path.join(tmpdir(), 'next-env-'))
    writeFileSync(path.join(root, '.env.local'), 'AUTHOR_PASSWORD_HASH=\\$argon2id\\$x\nexport AUTH_SECRET=abc\n')
    expect(forNextServer({ AUTHOR_PASSWORD_HASH: '$argon2id$v', AUTH_SECRET: 'a$b', OTHER: '$keep' }, root)).toEqual({
      AUTHOR_PASSWORD_HASH: '\\$argon2id\\$v',
      AUTH_SECRET: 'a\\$b',
      OTHER: '$keep',
    })
    rmSync(root, { recursive: true, force: true })
  })
})
