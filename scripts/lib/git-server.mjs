// A real git server for tests: a bare repository served over smart HTTP by Debian's
// `git http-backend` (CGI) behind a small Node server on a loopback port, with basic auth.
// It can be stopped and started again on the same port, to play a content remote going away.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'

const BACKEND = '/usr/lib/git-core/git-http-backend'

const git = (cwd, ...args) => execFileSync('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@localhost', ...args], { cwd, encoding: 'utf8' })

/**
 * Starts a server for one bare repository `<root>/content.git` on branch `branch`, seeded with one
 * commit holding `files` ({ 'notes/a.mdx': '…' }). `url` carries no credentials.
 */
export async function startGitServer({ user = 'author', token = 'secret-token', branch = 'main', files = { 'README.md': 'Notes content\n' } } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'git-server-'))
  const bareDir = path.join(root, 'content.git')
  git(root, 'init', '-q', '--bare', '-b', branch, bareDir)
  git(bareDir, 'config', 'http.receivepack', 'true')
  const seed = path.join(root, 'seed')
  git(root, 'init', '-q', '-b', branch, seed)
  const { mkdirSync, writeFileSync } = await import('node:fs')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(seed, name)), { recursive: true })
    writeFileSync(path.join(seed, name), text)
  }
  git(seed, 'add', '--all')
  git(seed, 'commit', '-q', '-m', 'Seed content')
  git(seed, 'push', '-q', bareDir, `${branch}:${branch}`)
  rmSync(seed, { recursive: true, force: true })

  const expected = `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`
  const sockets = new Set()
  let server = null
  let port = 0

  const handle = (request, response) => {
    if (request.headers.authorization !== expected) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="content"', 'Content-Type': 'text/plain' })
      response.end('Authentication required\n')
      return
    }
    const url = new URL(request.url, 'http://127.0.0.1')
    const env = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
      REQUEST_METHOD: request.method,
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.1',
    }
    if (request.headers['content-length']) env.CONTENT_LENGTH = request.headers['content-length']
    for (const [name, value] of Object.entries(request.headers)) env[`HTTP_${name.toUpperCase().replace(/-/g, '_')}`] = String(value)
    const cgi = spawn(BACKEND, [], { env })
    request.pipe(cgi.stdin)
    let head = Buffer.alloc(0)
    let headersDone = false
    cgi.stdout.on('data', (chunk) => {
      if (headersDone) return void response.write(chunk)
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      headersDone = true
      let status = 200
      const headers = {}
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':')
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
        else headers[name] = value
      }
      response.writeHead(status, headers)
      response.write(head.subarray(end + 4))
    })
    cgi.stdout.on('end', () => response.end())
    cgi.on('error', () => response.destroy())
  }

  // Started again on the same port after stop(); a second start() while it runs does nothing.
  const start = () =>
    new Promise((resolve, reject) => {
      if (server) return resolve()
      const starting = createServer(handle)
      starting.on('connection', (socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      starting.once('error', reject)
      starting.listen(port, '127.0.0.1', () => {
        server = starting
        port = starting.address().port
        resolve()
      })
    })

  const stop = () =>
    new Promise((resolve) => {
      if (!server) return resolve()
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
      server = null
    })

  await start()
  return {
    url: `http://127.0.0.1:${port}/content.git`,
    bareDir,
    user,
    token,
    branch,
    /** `git` on the bare repository itself (to check what reached the remote). */
    git: (...args) => git(bareDir, ...args),
    stop,
    start,
    async close() {
      await stop()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
