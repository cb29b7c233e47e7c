import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_AUTH_STATE_DIR, DEFAULT_CONTENT_DIR, DEFAULT_CONTENT_GIT_BRANCH, DEFAULT_CONTENT_GIT_LAYOUT, DEFAULT_CONTENT_GIT_USERNAME, DEFAULT_CONTENT_SYNC_INTERVAL, DEFAULT_DIST_DIR, DEFAULT_PUBLISH_MODE, DEFAULT_REDIS_PREFIX, PUBLIC_DIR } from './defaults.mjs'

export const PUBLISH_MODES = ['live', 'deploy'] as const

/**
 * How a content remote is laid out: `notes`, a repository of notes alone (`notes/<slug>.mdx`,
 * `images/<slug>/`); `site`, this site's own repository (`<CONTENT_DIR>/notes/`, `public/notes/<slug>/`),
 * which a host such as Vercel builds after each push.
 */
export const CONTENT_GIT_LAYOUTS = ['notes', 'site'] as const

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
  CDN_PURGE_URL: z.preprocess(unsetIfEmpty, z.string().refine(isHttpUrl, { error: 'must be an http(s) URL, e.g. https://api.cloudflare.com/client/v4/zones/<zone id>/purge_cache' }).optional()),
  CDN_PURGE_HEADER: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9-]+: ?\S.*$/, { error: 'must be one header as "Name: value", e.g. "Authorization: Bearer <token>"' })
      .optional(),
  ),
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
  CONTENT_GIT_REMOTE: z.preprocess(unsetIfEmpty, z.string().optional()),
  CONTENT_GIT_USERNAME: z.preprocess(unsetIfEmpty, z.string().optional()),
  CONTENT_GIT_TOKEN: z.preprocess(unsetIfEmpty, z.string().optional()),
  CONTENT_GIT_BRANCH: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^(?!.*\.\.)(?!\/)(?!.*\/$)(?!.*\.lock$)[A-Za-z0-9._/-]+$/, { error: (issue) => `is not a branch name: ${JSON.stringify(issue.input)}` })
      .default(DEFAULT_CONTENT_GIT_BRANCH),
  ),
  CONTENT_WORK_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  CONTENT_GIT_LAYOUT: z.preprocess(
    unsetIfEmpty,
    z.enum(CONTENT_GIT_LAYOUTS, { error: (issue) => `must be "notes" or "site", not ${JSON.stringify(issue.input)}` }).default(DEFAULT_CONTENT_GIT_LAYOUT),
  ),
  CONTENT_SYNC_INTERVAL: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: 'must be a number of seconds' })
      .int({ error: 'must be a whole number of seconds' })
      .min(1, { error: 'must be at least 1 (second)' })
      .max(86_400, { error: 'must be at most 86400 (a day)' })
      .default(DEFAULT_CONTENT_SYNC_INTERVAL),
  ),
})

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

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

/**
 * Where the notes live when they are on a git remote (README, "Content on a git remote"). The
 * token is behind a function so that printing the settings never prints it.
 */
export type ContentRemote = {
  /** The remote's URL, without credentials. */
  url: string
  branch: string
  /** This instance's clone: never the app folder, which may be read-only. */
  workDir: string
  layout: (typeof CONTENT_GIT_LAYOUTS)[number]
  /** Where the notes are in the clone. */
  notesDir: string
  /** Where the notes' images are in the clone (`<slug>/<name>`, served at `/notes/<slug>/<name>`). */
  imagesDir: string
  /** How often this instance asks the remote whether the branch moved (seconds). */
  syncInterval: number
  credentials: () => { username: string; password: string } | undefined
}

/** A CDN to tell after each publish (README, "A CDN in front"); the header is behind a function, like the git token. */
export type CdnPurge = { url: string; header: () => [name: string, value: string] | undefined }

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
  /** Set when CONTENT_GIT_REMOTE is: the admin then works in its clone and pushes every commit. */
  contentRemote?: ContentRemote
  /** Set when CDN_PURGE_URL is. */
  cdnPurge?: CdnPurge
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: string[] }

/** Reads the settings from an environment; every problem names its variable. */
export function parseSettings(env: Record<string, string | undefined>, projectDir: string): SettingsResult {
  const result = settingsEnvSchema.safeParse(env)
  if (!result.success) return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`) }
  const { CONTENT_DIR, PUBLISH_MODE, DEPLOY_HOOK_URL, AUTH_STATE_DIR, NEXT_DIST_DIR, REDIS_URL, REDIS_PREFIX, CDN_PURGE_URL, CDN_PURGE_HEADER } = result.data
  const remote = contentRemote(result.data, projectDir)
  if (!remote.ok) return remote
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
      ...(remote.remote && { contentRemote: remote.remote }),
      ...(CDN_PURGE_URL && { cdnPurge: { url: CDN_PURGE_URL, header: () => splitHeader(CDN_PURGE_HEADER) } }),
    },
  }
}

type SettingsEnv = z.infer<typeof settingsEnvSchema>

function splitHeader(header: string | undefined): [string, string] | undefined {
  if (!header) return undefined
  const colon = header.indexOf(':')
  return [header.slice(0, colon), header.slice(colon + 1).trim()]
}

/**
 * The git remote settings, checked together. Messages never repeat the URL (it may hold
 * credentials) nor the token.
 */
function contentRemote(env: SettingsEnv, projectDir: string): { ok: true; remote?: ContentRemote } | { ok: false; problems: string[] } {
  const { CONTENT_GIT_REMOTE, CONTENT_GIT_USERNAME, CONTENT_GIT_TOKEN, CONTENT_GIT_BRANCH, CONTENT_WORK_DIR, CONTENT_SYNC_INTERVAL, CONTENT_GIT_LAYOUT, CONTENT_DIR } = env
  if (!CONTENT_GIT_REMOTE) {
    const stray = Object.entries({ CONTENT_GIT_USERNAME, CONTENT_GIT_TOKEN, CONTENT_WORK_DIR }).filter(([, value]) => value !== undefined)
    return stray.length ? { ok: false, problems: stray.map(([name]) => `${name} is set but CONTENT_GIT_REMOTE is not`) } : { ok: true }
  }
  let url: URL
  try {
    url = new URL(CONTENT_GIT_REMOTE)
  } catch {
    return { ok: false, problems: ['CONTENT_GIT_REMOTE is not a URL (expected https://host/owner/repo.git)'] }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problems: [`CONTENT_GIT_REMOTE must be an http(s) URL, not ${url.protocol}`] }
  if (url.username || url.password) {
    return { ok: false, problems: ['CONTENT_GIT_REMOTE must not carry credentials; set CONTENT_GIT_USERNAME and CONTENT_GIT_TOKEN instead'] }
  }
  if (CONTENT_GIT_USERNAME && !CONTENT_GIT_TOKEN) return { ok: false, problems: ['CONTENT_GIT_USERNAME is set but CONTENT_GIT_TOKEN is not'] }
  const remote = url.toString()
  // Per remote and branch, in the system's temp folder: writable on read-only hosts (serverless /tmp).
  const key = createHash('sha256').update(`${remote}#${CONTENT_GIT_BRANCH}`).digest('hex').slice(0, 12)
  const workDir = CONTENT_WORK_DIR ? path.resolve(projectDir, CONTENT_WORK_DIR) : path.join(tmpdir(), `notes-content-${key}`)
  const inClone = CONTENT_GIT_LAYOUT === 'site' ? siteLayout(CONTENT_DIR, workDir) : { ok: true as const, notesDir: path.join(workDir, 'notes'), imagesDir: path.join(workDir, 'images') }
  if (!inClone.ok) return inClone
  const credentials = CONTENT_GIT_TOKEN ? { username: CONTENT_GIT_USERNAME ?? DEFAULT_CONTENT_GIT_USERNAME, password: CONTENT_GIT_TOKEN } : undefined
  return { ok: true, remote: { url: remote, branch: CONTENT_GIT_BRANCH, workDir, layout: CONTENT_GIT_LAYOUT, notesDir: inClone.notesDir, imagesDir: inClone.imagesDir, syncInterval: CONTENT_SYNC_INTERVAL, credentials: () => credentials } }
}

/** The site's own repository as the remote: its content folder and public folder, where the build reads them. */
function siteLayout(contentDir: string, workDir: string): { ok: true; notesDir: string; imagesDir: string } | { ok: false; problems: string[] } {
  const relative = path.normalize(contentDir)
  if (path.isAbsolute(relative) || relative.startsWith('..')) {
    return { ok: false, problems: [`CONTENT_GIT_LAYOUT=site needs CONTENT_DIR inside the project (it is the same folder in the repository), not ${JSON.stringify(contentDir)}`] }
  }
  return { ok: true, notesDir: path.join(workDir, relative, 'notes'), imagesDir: path.join(workDir, PUBLIC_DIR, 'notes') }
}
