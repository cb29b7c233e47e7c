import argon2 from 'argon2'
import { randomBytes } from 'node:crypto'

// Same parameters as lib/auth/password.ts (OWASP's argon2id baseline); a unit test keeps them in step.
/** @type {import('argon2').HashOptions} */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 }
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 1024

/** @param {string} password */
export function hashPassword(password) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error(`Use at most ${MAX_PASSWORD_LENGTH} characters.`)
  return argon2.hash(password, ARGON2_OPTIONS)
}

/** A password a person can type: 20 characters from an unambiguous alphabet (~115 bits). */
export function randomPassword() {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(20)
  return [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('')
}

export function randomSecret() {
  return randomBytes(32).toString('base64url')
}

/** A password from a pipe (first line), or typed at a hidden prompt. @param {string} prompt @returns {Promise<string>} */
export async function readPassword(prompt) {
  if (!process.stdin.isTTY) {
    const chunks = []
    for await (const chunk of process.stdin) chunks.push(chunk)
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]
  }
  process.stdout.write(prompt)
  process.stdin.setRawMode(true)
  process.stdin.resume()
  return new Promise((resolve) => {
    let value = ''
    const onData = (/** @type {Buffer} */ data) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          process.stdin.setRawMode(false)
          process.stdin.pause()
          process.stdin.off('data', onData)
          process.stdout.write('\n')
          resolve(value)
          return
        }
        if (char === '\u0003') process.exit(130)
        value = char === '\u007f' ? value.slice(0, -1) : value + char
      }
    }
    process.stdin.on('data', onData)
  })
}
