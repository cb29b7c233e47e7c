// Runs once when the server starts: a production server with missing or weak sign-in secrets
// refuses to start (lib/auth/startup-check) instead of serving an admin anyone could forge into;
// one that shares its content with other instances starts keeping up with them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  await import('./lib/auth/startup-check')
  const { startContentSync } = await import('./lib/publishing/content-sync')
  startContentSync()
}
