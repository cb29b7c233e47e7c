// Runs once when the server starts. A production server refuses to start, saying why, rather than
// serve an admin anyone could forge into (lib/auth/startup-check) or one whose saves and sign-ins
// would be lost or split between servers (lib/startup/check-deployment); one that shares its
// content with other instances starts keeping up with them (lib/publishing/content-sync); one that
// refreshes itself publishes scheduled notes at their time (lib/publishing/scheduler). The feed
// files next.config serves are written before the first request (lib/feed/static-feeds.mjs).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  await import('./lib/auth/startup-check')
  const { refuseUnsafeDeployment } = await import('./lib/startup/check-deployment')
  refuseUnsafeDeployment()
  await writeFeedFiles()
  // Only a server sharing its content loads the sync (and with it the git client and Redis).
  if (process.env.REDIS_URL || process.env.CONTENT_GIT_REMOTE) {
    const { startContentSync } = await import('./lib/publishing/content-sync')
    startContentSync()
  }
  await startScheduledPublishing()
}

async function startScheduledPublishing() {
  const { isProductionServer } = await import('./lib/startup/production-server')
  if (!isProductionServer()) return
  const { testClockFile, TEST_CLOCK_VARIABLE } = await import('./lib/content/clock.mjs')
  const clock = testClockFile()
  if (clock) console.warn(`${TEST_CLOCK_VARIABLE} is set: this server takes the time for scheduled notes from ${clock}. It is for the end-to-end tests only; unset it on a real site.`)
  const { refreshesItself } = await import('./lib/publishing')
  if (!refreshesItself()) return
  const { startScheduler } = await import('./lib/publishing/scheduler')
  startScheduler()
}

async function writeFeedFiles() {
  const { isProductionServer } = await import('./lib/startup/production-server')
  if (!isProductionServer()) return
  const { writeStaticFeeds } = await import('./lib/feed/static-files')
  try {
    await writeStaticFeeds()
  } catch (error) {
    // Serving the empty placeholders (or last start's feeds) would tell feed readers nothing is new.
    console.error(`Refusing to start: ${(error as Error).message}. The server writes the site's feeds to public/_feeds when it starts and after each publish.`)
    process.exit(1)
  }
}
