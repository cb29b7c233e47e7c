// Makes sure Playwright has a Chromium to drive. Debian's own package where we can install it
// (Playwright's browser download is not reachable everywhere); Playwright's browser elsewhere.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

function sh(command, args, env = process.env) {
  console.log(`$ ${[command, ...args].join(' ')}`)
  return spawnSync(command, args, { stdio: 'inherit', env }).status === 0
}

export function ensureBrowser() {
  if (existsSync(DEBIAN_CHROMIUM)) return true
  const isDebian = existsSync('/etc/debian_version')
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isDebian && isRoot) {
    console.log('Chromium is missing: installing Debian’s chromium package.')
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    if (sh('apt-get', ['update', '-qq'], aptEnv) && sh('apt-get', ['install', '-y', '-qq', 'chromium'], aptEnv)) {
      return existsSync(DEBIAN_CHROMIUM)
    }
    console.error('Could not install chromium with apt-get.')
    return false
  }
  console.log('No Debian chromium here: using Playwright’s own browser.')
  return sh('npx', ['playwright', 'install', 'chromium'])
}
