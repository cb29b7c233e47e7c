import git from 'isomorphic-git'

/** The content remote could not be reached (refused, timed out, a 5xx): local work is kept. */
export class RemoteUnavailableError extends Error {}

/** The remote refused CONTENT_GIT_USERNAME / CONTENT_GIT_TOKEN (never named in the message). */
export class RemoteAuthError extends Error {}

/** Another instance changed the same files: these paths of our commit cannot be replayed. */
export class RemoteConflictError extends Error {
  constructor(readonly paths: string[]) {
    super(`Changed on the remote meanwhile: ${paths.join(', ')}`)
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET'])

/**
 * Our error for a failed network operation, written by us: isomorphic-git's and Node's messages
 * may name the URL, and ours never repeat anything that could hold a credential.
 */
export function remoteError(error: unknown): Error {
  const { code, data } = error as { code?: string; data?: { statusCode?: number } }
  const status = data?.statusCode
  if (code === git.Errors.UserCanceledError.code || status === 401 || status === 403) {
    return new RemoteAuthError('The content remote refused the credentials (check CONTENT_GIT_USERNAME and CONTENT_GIT_TOKEN).')
  }
  if ((code && NETWORK_CODES.has(code)) || (status !== undefined && status >= 500) || error instanceof RemoteUnavailableError) {
    return new RemoteUnavailableError('The content remote cannot be reached.')
  }
  return error instanceof Error ? error : new Error(String(error))
}
