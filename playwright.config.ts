import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { E2E_ORIGIN, E2E_PORT, serverEnv } from './tests/e2e/auth-env'

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

// Debian's Chromium where it is installed (Playwright cannot download its own browser here);
// Playwright's bundled browser elsewhere.
const launchOptions = existsSync(DEBIAN_CHROMIUM)
  ? {
      executablePath: DEBIAN_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL: E2E_ORIGIN,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: /sign-out-everywhere|live-publishing-failure|instances/, use: { ...devices['Desktop Chrome'], launchOptions } },
    // Content that cannot build fails every publish on the server: alone, after the others.
    { name: 'alone', testMatch: /live-publishing-failure/, dependencies: ['chromium'], use: { ...devices['Desktop Chrome'], launchOptions } },
    // Signing out everywhere would end the sessions of tests running beside it: it goes last.
    { name: 'last', testMatch: /sign-out-everywhere/, dependencies: ['alone'], use: { ...devices['Desktop Chrome'], launchOptions } },
    // Two more production servers sharing a Redis and a git remote: alone, so the 3 s window is theirs.
    { name: 'instances', testMatch: /instances/, dependencies: ['last'], use: { ...devices['Desktop Chrome'], launchOptions } },
  ],
  webServer: {
    // The suite runs against the production build made from the fixture content (see scripts/test.mjs).
    command: `npx next start -H 127.0.0.1 -p ${E2E_PORT}`,
    url: `${E2E_ORIGIN}/`,
    env: { ...serverEnv, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e', NEXT_TELEMETRY_DISABLED: '1' },
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
