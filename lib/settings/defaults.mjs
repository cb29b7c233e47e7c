// Each setting's default, written once. Plain JavaScript: next.config.mjs, contentlayer.config.ts
// and scripts/ run outside the Next server and read their variables themselves; the server reads
// all of them through lib/settings.

/** CONTENT_DIR: profile, problems and notes, relative to the project. */
export const DEFAULT_CONTENT_DIR = 'content'
/** AUTH_STATE_DIR: sessions and share links. */
export const DEFAULT_AUTH_STATE_DIR = '.data'
/** PUBLISH_MODE */
export const DEFAULT_PUBLISH_MODE = 'live'
/** NEXT_DIST_DIR: the Next build the server runs. */
export const DEFAULT_DIST_DIR = '.next'
/** REDIS_PREFIX: put before every key this site keeps in Redis (REDIS_URL has no default: unset = one machine). */
export const DEFAULT_REDIS_PREFIX = 'notes:'
/** CONTENT_GIT_BRANCH: the branch of CONTENT_GIT_REMOTE the admin commits to. */
export const DEFAULT_CONTENT_GIT_BRANCH = 'main'
/** CONTENT_GIT_USERNAME when only a token is set (GitHub and GitLab take any name with a token). */
export const DEFAULT_CONTENT_GIT_USERNAME = 'git'
/** CONTENT_GIT_LAYOUT: a repository of notes alone (`notes/`, `images/`), or `site`, this site's own. */
export const DEFAULT_CONTENT_GIT_LAYOUT = 'notes'
/** CONTENT_SYNC_INTERVAL: seconds between an instance's checks whether the content remote moved. */
export const DEFAULT_CONTENT_SYNC_INTERVAL = 30
/** SITE_URL */
export const DEFAULT_SITE_URL = 'http://localhost:3000'
/** The site's static files, relative to the project (not a setting). */
export const PUBLIC_DIR = 'public'
