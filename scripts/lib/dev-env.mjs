// First run of `npm run dev` on a fresh machine: create what sign-in needs in .env.local
// (git-ignored, mode 0600) and say, once, how to sign in.
import path from 'node:path'
import { readEnvFile, updateEnvFile } from './env-file.mjs'
import { hashPassword, randomPassword, randomSecret } from './password.mjs'

/** @param {string} root @param {string | number} port */
export async function ensureDevCredentials(root, port) {
  const file = path.join(root, '.env.local')
  /** @type {Record<string, string | undefined>} */
  const current = { ...readEnvFile(file), ...process.env }
  /** @type {Record<string, string>} */
  const updates = {}
  if (!current.AUTH_SECRET || current.AUTH_SECRET.length < 32) updates.AUTH_SECRET = randomSecret()
  const email = current.AUTHOR_EMAIL || 'author@example.com'
  if (!current.AUTHOR_EMAIL) updates.AUTHOR_EMAIL = email
  let password
  if (!current.AUTHOR_PASSWORD_HASH) {
    password = randomPassword()
    updates.AUTHOR_PASSWORD_HASH = await hashPassword(password)
  }
  if (Object.keys(updates).length === 0) return
  updateEnvFile(file, updates)
  console.log('\nCreated sign-in settings in .env.local (kept out of git).')
  if (password) {
    console.log(`  Sign in at http://localhost:${port}/sign-in`)
    console.log(`  Email:    ${email}`)
    console.log(`  Password: ${password}`)
    console.log('  This password is shown once and stored only as a hash. Change it with `npm run author:password`.\n')
  }
}
