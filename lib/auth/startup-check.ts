import { parseAuthEnv } from './env-schema'

const isProductionServer =
  process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'

if (isProductionServer) {
  const result = parseAuthEnv(process.env)
  if (!result.ok) {
    console.error(
      `\nRefusing to start: sign-in is not safely configured.\n  ${result.problems.join('\n  ')}\n` +
        'Set them in the environment or .env.local (see README, "Sign-in and the admin").\n',
    )
    process.exit(1)
  }
}
