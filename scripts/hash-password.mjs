#!/usr/bin/env node
// `npm run hash-password`: reads a password on stdin (or a hidden prompt), prints its argon2id hash.
import { hashPassword, readPassword } from './lib/password.mjs'

try {
  const password = await readPassword('Password: ')
  console.log(await hashPassword(password))
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
