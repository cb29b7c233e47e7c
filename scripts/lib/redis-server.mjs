// A real Redis for the tests: Debian's redis-server (installed when missing, as root on Debian),
// on a free loopback port, keeping nothing on disk. Started and stopped by the tests themselves.
import { spawn } from 'node:child_process'
import { createServer, Socket } from 'node:net'
import { ensureSystemTools } from './system-deps.mjs'

/** @returns {Promise<number>} a port free on 127.0.0.1 right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** @param {number} port */
function answersPing(port) {
  return new Promise((resolve) => {
    const socket = new Socket()
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('error', () => done(false))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'))
  })
}

/**
 * @typedef {{ port: number, url: string, stop: () => Promise<void>, start: () => Promise<void> }} RedisServer
 */

/**
 * Starts redis-server on a free loopback port; `stop()` ends it, `start()` starts it again on
 * the same port (for tests of an outage).
 * @returns {Promise<RedisServer>}
 */
export async function startRedisServer() {
  if (!ensureSystemTools({ only: ['redis-server'] })) throw new Error('redis-server is missing: install Debian’s redis-server package.')
  const port = await freePort()
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child
  let output = ''

  async function start() {
    output = ''
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.on('data', (data) => (output += data))
    child.stderr?.on('data', (data) => (output += data))
    const deadline = Date.now() + 10_000
    while (!(await answersPing(port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  async function stop() {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }

  await start()
  return { port, url: `redis://127.0.0.1:${port}`, start, stop }
}
