import { createHash } from 'node:crypto'
import { themeInitScript } from '@/lib/theme'

/** CSP hash of the pre-paint theme script, so it may run on nonce-protected pages too. */
export const themeScriptHash = `sha256-${createHash('sha256').update(themeInitScript).digest('base64')}`
