import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_AUTH_STATE_DIR, DEFAULT_CONTENT_DIR, DEFAULT_DIST_DIR, DEFAULT_PUBLISH_MODE, DEFAULT_REDIS_PREFIX, PUBLIC_DIR } from './defaults.mjs'

export const PUBLISH_MODES = ['live', 'deploy'] as const

/** How a publish reaches readers (README, "Publishing model"). */
export type PublishMode = (typeof PUBLISH_MODES)[number]

// `NAME=` in a .env file means unset, not an empty folder name.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value)

const settingsEnvSchema = z.object({
  CONTENT_DIR: z.preprocess(unsetIfEmpty, z.string().default(DEFAULT_CONTENT_DIR)),
  PUBLISH_MODE: z.preprocess(
    unsetIfEmpty,
    z.enum(PUBLISH_MODES, { error: (issue) => `must be "live" or "deploy", not ${JSON.stringify(issue.input)}` }).default(DEFAULT_PUBLISH_MODE),
  ),
  // Checked when it is called, so a bad one is reported to the author beside the publish.
  DEPLOY_HOOK_URL: z.preprocess(unsetIfEmpty, z.string().optional()),
  AUTH_STATE_DIR: z.preprocess(unsetIfEmpty, z.string().default(DEFAULT_AUTH_STATE_DIR)),
  NEXT_DIST_DIR: z.preprocess(unsetIfEmpty, z.string().default(DEFAULT_DIST_DIR)),
  REDIS_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine(isRedisUrl, { error: 'must be a redis:// or rediss:// (TLS) URL, e.g. redis://127.0.0.1:6379' })
      .optional(),
  ),
  REDIS_PREFIX: z.preprocess(unsetIfEmpty, z.string().max(100).default(DEFAULT_REDIS_PREFIX)),
})

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** Where the state shared by several instances lives (README, "Several instances"). */
export type RedisSettings = { url: string; prefix: string }

/** The server's settings; folders are absolute. */
export type Settings = {
  projectDir: string
  /** CONTENT_DIR as set, for messages that name a file the way the author sees it. */
  contentDirName: string
  contentDir: string
  notesDir: string
  publicDir: string
  /** Sessions and share links. */
  authStateDir: string
  publishMode: PublishMode
  deployHookUrl: string | undefined
  /** The Next build this server runs (its BUILD_ID names the live content it may serve). */
  distDir: string
  /** Sessions, share links, sign-in limits and note locks on Redis; undefined: kept on this machine. */
  redis: RedisSettings | undefined
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: string[] }

/** Reads the settings from an environment; every problem names its variable. */
export function parseSettings(env: Record<string, string | undefined>, projectDir: string): SettingsResult {
  const result = settingsEnvSchema.safeParse(env)
  if (!result.success) return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`) }
  const { CONTENT_DIR, PUBLISH_MODE, DEPLOY_HOOK_URL, AUTH_STATE_DIR, NEXT_DIST_DIR, REDIS_URL, REDIS_PREFIX } = result.data
  const contentDir = path.resolve(projectDir, CONTENT_DIR)
  return {
    ok: true,
    settings: {
      projectDir,
      contentDirName: CONTENT_DIR,
      contentDir,
      notesDir: path.join(contentDir, 'notes'),
      publicDir: path.join(projectDir, PUBLIC_DIR),
      authStateDir: path.resolve(projectDir, AUTH_STATE_DIR),
      publishMode: PUBLISH_MODE,
      deployHookUrl: DEPLOY_HOOK_URL,
      distDir: path.resolve(projectDir, NEXT_DIST_DIR),
      redis: REDIS_URL ? { url: REDIS_URL, prefix: REDIS_PREFIX } : undefined,
    },
  }
}
