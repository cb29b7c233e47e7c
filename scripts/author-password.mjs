#!/usr/bin/env node
// `npm run author:password [-- --email you@example.com]`: sets or changes the author's password
// in .env.local and ends every existing session (a copied cookie stops working at once).
import path from 'node:path'
import { endAllRedisSessions, endAllSessions, sessionListFile } from '../lib/auth/session-list.mjs'
import { RedisConnection } from '../lib/redis/connect.mjs'
import { DEFAULT_REDIS_PREFIX } from '../lib/settings/defaults.mjs'
import { readEnvFile, updateEnvFile } from './lib/env-file.mjs'
import { hashPassword, readPassword, randomSecret } from './lib/password.mjs'

const root = path.resolve(import.meta.dirname, '..')
const envFile = path.join(root, '.env.local')
const emailFlag = process.argv.indexOf('--email')
const email = emailFlag === -1 ? undefined : process.argv[emailFlag + 1]
if (emailFlag !== -1 && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email ?? '')) {
  console.error('--email needs an address, e.g. npm run author:password -- --email you@example.com')
  process.exit(1)
}

try {
  const current = readEnvFile(envFile)
  const password = await readPassword('New password (at least 12 characters): ')
  if (process.stdin.isTTY) {
    const again = await readPassword('Again: ')
    if (again !== password) throw new Error('The two passwords differ; nothing was changed.')
  }
  const updates = { AUTHOR_PASSWORD_HASH: await hashPassword(password) }
  if (email) updates.AUTHOR_EMAIL = email
  if (!current.AUTH_SECRET) updates.AUTH_SECRET = randomSecret()
  if (!current.AUTHOR_EMAIL && !email) updates.AUTHOR_EMAIL = 'author@example.com'
  updateEnvFile(envFile, updates)
  endAllSessions(sessionListFile(root, current.AUTH_STATE_DIR))
  // With REDIS_URL the sessions of every instance live there (as for Next, the environment wins over .env.local).
  const redisUrl = process.env.REDIS_URL || current.REDIS_URL
  if (redisUrl) {
    const redis = new RedisConnection({ url: redisUrl, prefix: process.env.REDIS_PREFIX || current.REDIS_PREFIX || DEFAULT_REDIS_PREFIX })
    try {
      await endAllRedisSessions(redis)
    } catch (error) {
      throw new Error(`The password was saved, but the sessions on Redis could not be ended: ${error.message} Run this again once Redis is back.`)
    } finally {
      redis.close()
    }
  }
  console.log(`Password saved for ${email ?? current.AUTHOR_EMAIL ?? 'author@example.com'} in .env.local; every session was signed out.`)
  console.log('npm run dev picks it up by itself; restart a production server (npm start).')
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
