// The one limit on an uploaded notebook. Plain JavaScript: next.config.mjs reads it too, so the
// proxy buffers whole any upload the import route accepts (Next cuts request bodies at 10 MB).
export const MAX_NOTEBOOK_BYTES = 20_000_000
/** The file plus the multipart form around it. */
export const MAX_NOTEBOOK_REQUEST_BYTES = MAX_NOTEBOOK_BYTES + 64 * 1024
