import argon2 from 'argon2'

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Longer input is refused before hashing: nobody types it, and hashing it costs the server. */
export const MAX_PASSWORD_LENGTH = 1024
export const MIN_PASSWORD_LENGTH = 12

export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error(`Use at most ${MAX_PASSWORD_LENGTH} characters.`)
  return argon2.hash(password, OPTIONS)
}

// Verified against when the email is wrong, so both cases cost one argon2 verification.
const DECOY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$/y003kNsk7Us4RF3Wpw1QQ$g8CIqDj9DyhC2zj9kJzNamcxUdQofYVaVNIJAvlTS8I'

/** True only for the right password against a real hash; takes about the same time either way. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false
  try {
    const matches = await argon2.verify(hash ?? DECOY_HASH, password)
    return matches && hash !== undefined
  } catch {
    return false
  }
}
