// Runs once when the server starts: a production server with missing or weak sign-in secrets
// refuses to start (lib/auth/startup-check) instead of serving an admin anyone could forge into.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./lib/auth/startup-check')
}
