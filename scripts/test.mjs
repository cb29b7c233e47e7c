#!/usr/bin/env node
// Every check the project has, in order: type-check, lint, unit tests, a production build of the
// fixture content, and end-to-end tests in real Chromium. Ends with one line: "N passed, M failed".
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ensureSystemTools } from './lib/system-deps.mjs'
import { copyWildNotebooks } from './lib/wild-notebooks.mjs'

const root = path.resolve(import.meta.dirname, '..')
const testContent = path.join(root, '.test-content')
const e2eDist = '.next-e2e'
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PWD: root }

const results = []

function run(command, args, extraEnv = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`)
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } })
  return child.status === 0
}

/** Like run, but also fails when the output contains a line it must not (printed as it comes). */
function runRejecting(command, args, extraEnv, forbidden) {
  console.log(`\n$ ${[command, ...args].join(' ')}`)
  const child = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  process.stdout.write(child.stdout ?? '')
  process.stderr.write(child.stderr ?? '')
  const output = `${child.stdout}${child.stderr}`
  const hit = forbidden.find((pattern) => pattern.test(output))
  if (hit) console.error(`✗ the output matched ${hit}`)
  return child.status === 0 && !hit
}

/** A step that is one check: it passes or fails as a whole. */
function step(name, ok) {
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 })
  console.log(`${ok ? '✓' : '✗'} ${name}`)
  return ok
}

/** A test runner's own counts, read from its JSON report. */
function runner(name, ok, reportPath, count) {
  let counts = { passed: 0, failed: ok ? 0 : 1 }
  if (existsSync(reportPath)) counts = count(JSON.parse(readFileSync(reportPath, 'utf8')))
  if (!ok && counts.failed === 0) counts.failed = 1
  results.push({ name, ...counts })
  console.log(`${counts.failed ? '✗' : '✓'} ${name}: ${counts.passed} passed, ${counts.failed} failed`)
}

/**
 * No known high or critical advisory in what production installs. Some registries (the one this
 * project's machines reach) do not serve the audit endpoint: that is said, not counted, and the
 * version floors in tests/unit/version-floors.test.ts still hold the line.
 */
function auditProductionDependencies() {
  console.log('\n$ npm audit --omit=dev --audit-level=high')
  const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], { cwd: root, env, encoding: 'utf8' })
  const output = `${audit.stdout}${audit.stderr}`
  process.stdout.write(output)
  if (audit.status !== 0 && /audit endpoint returned an error|ENOAUDIT|EAUDITNOPJSON/.test(output)) {
    console.log('! npm audit: the registry has no audit endpoint; not counted (version floors are tested)')
    return
  }
  step('npm audit (production dependencies)', audit.status === 0)
}

/**
 * The fixture content: the real content plus test notes, in a git repository of its own, so the
 * admin's saves are committed there (never to this project's repository) and history works.
 */
function prepareFixtureContent() {
  rmSync(testContent, { recursive: true, force: true })
  cpSync(path.join(root, 'content'), testContent, { recursive: true })
  cpSync(path.join(root, 'tests/fixtures/content'), testContent, { recursive: true })
  copyWildNotebooks(testContent)
  writeFileSync(path.join(testContent, '.gitignore'), '.auth-state/\n')
  const git = (...args) => execFileSync('git', ['-c', 'user.name=Test fixture', '-c', 'user.email=fixture@localhost', ...args], { cwd: testContent, stdio: 'ignore' })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '--no-verify', '-m', 'Fixture content')
}

const reports = mkdtempSync(path.join(tmpdir(), 'test-reports-'))
const contentEnv = { CONTENT_DIR: '.test-content' }

prepareFixtureContent()
step('contentlayer build (fixture content)', run('npx', ['contentlayer2', 'build'], contentEnv))
step('type-check', run('npx', ['tsc', '--noEmit']))
step('lint', run('npx', ['eslint', '.', '--max-warnings=0']))
auditProductionDependencies()

const vitestReport = path.join(reports, 'vitest.json')
const vitestOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`])
runner('vitest', vitestOk, vitestReport, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }))

// Social cards must draw every glyph from bundled fonts: a font download attempt means a card
// would differ (or fail) on a machine with no network.
const built = step(
  'production build (fixture content)',
  runRejecting('npx', ['next', 'build'], { NEXT_DIST_DIR: e2eDist }, [/Failed to load dynamic font/]),
)

if (built && ensureSystemTools()) {
  const playwrightReport = path.join(reports, 'playwright.json')
  const playwrightOk = run('npx', ['playwright', 'test'], {
    NEXT_DIST_DIR: e2eDist,
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  })
  runner('playwright', playwrightOk, playwrightReport, (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
  }))
  // Everything the admin wrote during the suite (drafts, published notes, restores, hostile
  // titles) must still build: what the editor saves is exactly what Contentlayer compiles.
  step('contentlayer build of the notes the admin wrote', run('npx', ['contentlayer2', 'build'], contentEnv))
} else {
  step('playwright (not run: the build failed or a test tool is missing)', false)
}

rmSync(reports, { recursive: true, force: true })
const passed = results.reduce((sum, r) => sum + r.passed, 0)
const failed = results.reduce((sum, r) => sum + r.failed, 0)
console.log('\nSummary:')
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name} (${r.passed} passed, ${r.failed} failed)`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
