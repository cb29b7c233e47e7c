export const DEFAULT_CONTENT_DIR: string
export const DEFAULT_AUTH_STATE_DIR: string
export const DEFAULT_PUBLISH_MODE: 'live'
export const DEFAULT_DIST_DIR: string
export const DEFAULT_SITE_URL: string
export const PUBLIC_DIR: string
