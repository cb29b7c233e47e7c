import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sessionListFile } from '../../lib/auth/session-list.mjs'
import { forNextServer } from '../../scripts/lib/next-env.mjs'

// Test-only credentials for the server Playwright starts (never used anywhere else).
export const AUTHOR_EMAIL = 'author@example.com'
export const AUTHOR_PASSWORD = 'e2e-author-password-7Qk2'
export const AUTH_SECRET = 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz'

// Every port the suite uses follows E2E_PORT, so two suites on one machine can be kept apart.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`
export const DEPLOY_HOOK_PORT = E2E_PORT + 99
export const CDN_PURGE_PORT = E2E_PORT + 98
export const CDN_PURGE_HEADER = 'Authorization: Bearer e2e-purge-token'

/**
 * The suite server's clock for scheduled notes (lib/content/clock.mjs, test only): absent or empty,
 * the real time; the scheduled-notes test writes an instant into it to move the time on.
 */
export const TEST_CLOCK_FILE = path.join(process.cwd(), '.test-clock')

/** Where the suite's server keeps sessions: a second server without Redis may not use it too. */
export const AUTH_STATE_DIR = '.test-content/.auth-state'

/** What the servers the suite starts run with (safe from Next's `$` expansion; see forNextServer). */
export const serverEnv = forNextServer({
  AUTH_SECRET,
  AUTHOR_EMAIL,
  AUTHOR_NAME: 'Arun Kumar RN',
  AUTHOR_PASSWORD_HASH: '$argon2id$v=19$m=19456,p=1,t=2$7vGX64TAWOZbBf7OQoEFdA$+4XgXYmny9SjTUBGRkb85hBRrNk7H0ODPHDoAKBAkUY',
  NEXTAUTH_URL: E2E_ORIGIN,
  AUTH_STATE_DIR,
  // The admin reads the same fixture copy of content/ the build was made from.
  CONTENT_DIR: '.test-content',
  // Each test context sends its own X-Forwarded-For, so rate limits do not leak between tests.
  TRUST_PROXY: '1',
  // A local stand-in for a Vercel/Netlify build hook; the publish test listens on it.
  DEPLOY_HOOK_URL: `http://127.0.0.1:${DEPLOY_HOOK_PORT}/deploy-hook`,
  // A local stand-in for a CDN's purge API; the live publishing test listens on it.
  CDN_PURGE_URL: `http://127.0.0.1:${CDN_PURGE_PORT}/purge`,
  CDN_PURGE_HEADER,
  TEST_CLOCK_FILE,
}, process.cwd())

/**
 * An AUTH_STATE_DIR for an extra server beside the suite's (it refuses to start on one a live
 * server uses). With `sessions`, it starts with a copy of the suite server's session list, so a
 * client signed in there is signed in on the extra server too. The caller removes it.
 */
export function ownAuthStateDir({ sessions = false } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-auth-state-'))
  if (sessions) copyFileSync(sessionListFile(process.cwd(), AUTH_STATE_DIR), sessionListFile(process.cwd(), dir))
  return dir
}
