import path from 'node:path'
import { check, type Diagnostics } from 'recheck'
import { describe, expect, it } from 'vitest'
import { findRegexes, type RegexSite } from './regex-literals'

// Code that runs in the site, where a regex can see what a visitor, an imported notebook or a
// draft sends. scripts/ holds local tools over the author's own files and is left out.
const CHECKED = ['lib', 'app', 'components', 'proxy.ts']

// Regexes recheck cannot decide ('unknown'), each read by a person: `source/flags` → why it is linear.
const REVIEWED_UNKNOWN = new Map<string, string>([])

// `new RegExp(…)` built at run time, each read by a person: `file code` → why it is linear.
const REVIEWED_DYNAMIC = new Map<string, string>([
  [
    "lib/search/highlight.ts new RegExp(`(${wanted.map(escape).join('|')})`, 'giu')",
    'the escaped search terms as alternatives, no quantifier: each position costs at most the query',
  ],
])

const root = path.resolve(import.meta.dirname, '../..')
// The fuzzer (used for lookarounds and backreferences) counts steps, not milliseconds, so a busy
// machine cannot turn its verdict; only the whole check is bounded in time.
const PARAMS = { timeout: 10_000, incubationTimeout: null, attackTimeout: null, seedingTimeout: null }

function describeProblem(site: RegexSite, result: Diagnostics) {
  const why =
    result.status === 'vulnerable' ? `${result.complexity.summary}, attack ${result.attack.pattern}`
    : result.status === 'unknown' ? `unknown (${result.error.kind})`
    : result.status
  return `${site.file}:${site.line} /${site.source}/${site.flags} — ${why}`
}

describe('regexes that can see user input', () => {
  const { regexes, dynamic } = findRegexes(root, CHECKED)

  it('are all found', () => {
    expect(regexes.length).toBeGreaterThan(100)
  })

  it('match in linear time (recheck says safe)', { timeout: 120_000 }, async () => {
    const problems: string[] = []
    for (const site of regexes) {
      const result = await check(site.source, site.flags, PARAMS)
      if (result.status === 'safe') continue
      if (result.status === 'unknown' && REVIEWED_UNKNOWN.has(`${site.source}/${site.flags}`)) continue
      problems.push(describeProblem(site, result))
    }
    expect(problems, `super-linear or unchecked regexes:\n${problems.join('\n')}\n`).toEqual([])
  })

  it('are never built at run time unless reviewed', () => {
    const unreviewed = dynamic.filter((site) => !REVIEWED_DYNAMIC.has(`${site.file} ${site.text}`)).map((site) => `${site.file}:${site.line} ${site.text}`)
    expect(unreviewed).toEqual([])
  })
})
