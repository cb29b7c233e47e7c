// Tools the test suite drives that npm cannot install: a Chromium for Playwright, an
// independent feed parser (Python feedparser) and XML checker (xmllint) for the feed tests, and
// a real Redis for the shared-state tests.
// On Debian as root they are installed from Debian's packages; elsewhere we say what is missing.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const DEBIAN_CHROMIUM = '/usr/bin/chromium'
export const PYTHON = '/usr/bin/python3'

const TOOLS = [
  { name: 'Chromium', debianPackage: 'chromium', present: () => existsSync(DEBIAN_CHROMIUM) },
  {
    name: 'Python feedparser',
    debianPackage: 'python3-feedparser',
    present: () => spawnSync(PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0,
  },
  { name: 'xmllint', debianPackage: 'libxml2-utils', present: () => spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0 },
  { name: 'redis-server', debianPackage: 'redis-server', present: () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0 },
]

/**
 * @param {string} command
 * @param {string[]} args
 */
function sh(command, args, env = process.env) {
  console.log(`$ ${[command, ...args].join(' ')}`)
  return spawnSync(command, args, { stdio: 'inherit', env }).status === 0
}

const canApt = () => existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0

/**
 * Installs what is missing where it can; true when every tool is there afterwards.
 * @param {{ browserOnly?: boolean, only?: string[] }} [options] `only`: tools by name
 */
export function ensureSystemTools({ browserOnly = false, only } = {}) {
  const wanted = only ? TOOLS.filter((tool) => only.includes(tool.name)) : browserOnly ? TOOLS.slice(0, 1) : TOOLS
  const missing = wanted.filter((tool) => !tool.present())
  if (missing.length === 0) return true

  let playwrightBrowser = false
  if (canApt()) {
    const packages = missing.map((tool) => tool.debianPackage)
    console.log(`Installing Debian packages for the tests: ${packages.join(' ')}`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    if (sh('apt-get', ['update', '-qq'], env)) sh('apt-get', ['install', '-y', '-qq', ...packages], env)
  } else if (missing.some((tool) => tool.debianPackage === 'chromium')) {
    console.log('No Debian chromium here: using Playwright’s own browser.')
    playwrightBrowser = sh('npx', ['playwright', 'install', 'chromium'])
  }

  const stillMissing = missing.filter(
    (tool) => !tool.present() && !(tool.debianPackage === 'chromium' && playwrightBrowser),
  )
  for (const tool of stillMissing) {
    console.error(`Missing ${tool.name}: install it (Debian/Ubuntu package ${tool.debianPackage}) and run the tests again.`)
  }
  return stillMissing.length === 0
}
