import { isProductionServer } from '@/lib/startup/production-server'
import { parseAuthEnv } from './env-schema'

if (isProductionServer()) {
  const result = parseAuthEnv(process.env)
  if (!result.ok) {
    console.error(
      `\nRefusing to start: sign-in is not safely configured.\n  ${result.problems.join('\n  ')}\n` +
        'Set them in the environment or .env.local (see README, "Sign-in and the admin").\n',
    )
    process.exit(1)
  }
}
