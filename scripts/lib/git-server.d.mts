export type GitServer = {
  /** The repository's URL, without credentials. */
  url: string
  bareDir: string
  user: string
  token: string
  branch: string
  /** `git` run on the bare repository itself, to check what reached the remote. */
  git: (...args: string[]) => string
  stop: () => Promise<void>
  start: () => Promise<void>
  close: () => Promise<void>
}

/** A bare repository served by `git http-backend` on a loopback port, with basic auth. */
export function startGitServer(options?: { user?: string; token?: string; branch?: string; files?: Record<string, string> }): Promise<GitServer>
