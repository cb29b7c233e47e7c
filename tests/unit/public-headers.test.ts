import { describe, expect, it } from 'vitest'
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match'
import { DATA_FILE_CSP, publicHeaderRules } from '@/lib/security/csp.mjs'

// next.config.mjs's header rules, matched the way Next matches them (its own path matcher).
const rules = publicHeaderRules({ development: false, https: true })
const cspFor = (pathname: string) => {
  let csp: string | undefined
  for (const rule of rules) {
    if (getPathMatch(rule.source)(pathname) === false) continue
    csp = rule.headers.find((header) => header.key === 'Content-Security-Policy')?.value ?? csp
  }
  return csp
}

describe('the public pages’ headers (next.config.mjs)', () => {
  it('apply to every public address, and not to the private ones (the proxy sends theirs)', () => {
    for (const pathname of ['/', '/notes', '/notes/cuda', '/feed.xml', '/search-index.json', '/tags/cuda', '/administration-notes', '/api/health', '/shared-memory']) {
      expect(cspFor(pathname), pathname).toContain("script-src 'self' 'unsafe-inline'")
    }
    for (const pathname of ['/admin', '/admin/notes/x', '/sign-in', '/api/admin/notes/x', '/api/auth/session', '/share/token']) {
      expect(cspFor(pathname), pathname).toBeUndefined()
    }
  })

  it('give files (notebook plots and downloads, note images) the policy that runs nothing', () => {
    for (const pathname of ['/notebooks/matmul/cell-3-0123456789.png', '/notebooks/matmul/matmul.ipynb', '/notes/cuda/diagram-0123456789.webp']) {
      expect(cspFor(pathname), pathname).toBe(DATA_FILE_CSP)
    }
    expect(cspFor('/notes/cuda')).not.toBe(DATA_FILE_CSP)
    expect(cspFor('/notes/cuda/opengraph-image')).not.toBe(DATA_FILE_CSP)
  })

  it('carry HSTS and upgrade-insecure-requests only on an https site, never unsafe-eval in production', () => {
    const header = (options: { development: boolean; https: boolean }, key: string) => publicHeaderRules(options)[0].headers.find((h) => h.key === key)?.value
    expect(header({ development: false, https: true }, 'Strict-Transport-Security')).toContain('max-age=')
    expect(header({ development: false, https: false }, 'Strict-Transport-Security')).toBeUndefined()
    expect(header({ development: false, https: true }, 'Content-Security-Policy')).toContain('upgrade-insecure-requests')
    expect(header({ development: false, https: true }, 'Content-Security-Policy')).not.toContain('unsafe-eval')
    expect(header({ development: true, https: false }, 'Content-Security-Policy')).toContain('unsafe-eval')
  })
})
