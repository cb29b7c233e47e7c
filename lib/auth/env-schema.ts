import { z } from 'zod'

const PASSWORD_HASH = /^\$argon2id\$v=19\$(?:[mtp]=\d+,?){3}\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/

const authEnvSchema = z
  .object({
    AUTH_SECRET: z
      .string({ error: 'is missing (generate one: npm run dev does it for you, or `openssl rand -base64 32`)' })
      .min(32, 'is too short: use at least 32 random characters')
      .refine((secret) => new Set(secret).size >= 16, 'is not random enough: use at least 32 random characters'),
    AUTHOR_EMAIL: z.email({ error: 'must be the author’s email address' }).transform((email) => email.toLowerCase()),
    AUTHOR_PASSWORD_HASH: z
      .string({ error: 'is missing (set it with `npm run author:password`)' })
      .regex(PASSWORD_HASH, 'must be an argon2id hash from `npm run hash-password` (in .env files, write each $ as \\$)'),
    AUTHOR_NAME: z.string().min(1).optional(),
    AUTH_SESSION_HOURS: z.coerce.number().min(0.25).max(72).default(8),
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
    AUTH_GITHUB_ALLOWED_LOGINS: z.string().optional(),
    TRUST_PROXY: z.enum(['0', '1']).default('0'),
  })
  .refine((env) => Boolean(env.AUTH_GITHUB_ID) === Boolean(env.AUTH_GITHUB_SECRET), {
    message: 'set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET, or neither',
    path: ['AUTH_GITHUB_ID'],
  })
  .refine((env) => !env.AUTH_GITHUB_ID || Boolean(env.AUTH_GITHUB_ALLOWED_LOGINS?.trim()), {
    message: 'must list the GitHub login(s) allowed to sign in when GitHub sign-in is on',
    path: ['AUTH_GITHUB_ALLOWED_LOGINS'],
  })

export type AuthEnv = z.infer<typeof authEnvSchema>

export type AuthEnvResult = { ok: true; env: AuthEnv } | { ok: false; problems: string[] }

/** Reads the sign-in settings; every problem names its variable. */
export function parseAuthEnv(source: Record<string, string | undefined>): AuthEnvResult {
  const result = authEnvSchema.safeParse(source)
  if (result.success) return { ok: true, env: result.data }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
  }
}
