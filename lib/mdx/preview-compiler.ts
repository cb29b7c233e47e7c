import 'server-only'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

export const PREVIEW_TIME_LIMIT_MS = 5_000
const WORKER_START_LIMIT_MS = 30_000

export class CompileError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message)
  }
}

type Pending = { resolve: (codes: string[]) => void; reject: (error: Error) => void; timer?: NodeJS.Timeout; startTimer: () => void }
type Reply = { id: number; ok: true; codes: string[] } | { id: number; ok: false; message: string } | { ready: true }
type Job = { source: string } | { blocks: string[] }

/**
 * One long-lived worker thread (Shiki and KaTeX stay warm between previews). A compile that
 * overruns the limit terminates the worker, which fails whatever else it had in hand; the next
 * compile starts a fresh one.
 */
class CompileWorker {
  private worker: Worker | null = null
  private ready = false
  private pending = new Map<number, Pending>()
  private nextId = 1

  compile(job: Job, timeLimitMs: number): Promise<string[]> {
    const worker = this.ensureWorker()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        resolve,
        reject,
        startTimer: () => {
          pending.timer = setTimeout(() => {
            this.stop(new CompileError(`The preview took longer than ${timeLimitMs / 1000} s and was stopped.`, true))
          }, timeLimitMs)
        },
      }
      this.pending.set(id, pending)
      // A worker still warming up (lib/mdx/compile-worker.mjs) starts the clock when it is ready.
      if (this.ready) pending.startTimer()
      worker.postMessage({ id, ...job })
    })
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const file = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib/mdx/compile-worker.mjs')
    const worker = new Worker(file)
    worker.unref()
    const startLimit = setTimeout(() => {
      if (this.worker === worker) this.stop(new CompileError(`The preview compiler did not start within ${WORKER_START_LIMIT_MS / 1000} s.`))
    }, WORKER_START_LIMIT_MS)
    startLimit.unref()
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        if (this.worker !== worker) return
        clearTimeout(startLimit)
        this.ready = true
        for (const pending of this.pending.values()) pending.startTimer()
        return
      }
      const pending = this.pending.get(reply.id)
      if (!pending) return
      this.pending.delete(reply.id)
      clearTimeout(pending.timer)
      if (reply.ok) pending.resolve(reply.codes)
      else pending.reject(new CompileError(reply.message))
    })
    worker.on('error', (error) => this.stop(new CompileError(`The preview compiler failed: ${error.message}`)))
    worker.on('exit', () => {
      if (this.worker === worker) this.stop(new CompileError('The preview compiler stopped.'))
    })
    this.worker = worker
    return worker
  }

  private stop(reason: CompileError) {
    const worker = this.worker
    this.worker = null
    this.ready = false
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer)
      reject(reason)
    }
    this.pending.clear()
    void worker?.terminate()
  }
}

// One per server process, kept across dev reloads of this module.
const shared = globalThis as typeof globalThis & { __noteCompileWorker?: CompileWorker }

/**
 * Compiles a policy-checked note body (whole, or as top-level blocks: see lib/drafts/preview-blocks.ts) to
 * the code Contentlayer produces at build time, or throws a CompileError (syntax the policy let
 * through, or a compile over the time limit).
 */
export function compileNoteBody(job: Job, timeLimitMs = PREVIEW_TIME_LIMIT_MS): Promise<string[]> {
  shared.__noteCompileWorker ??= new CompileWorker()
  return shared.__noteCompileWorker.compile(job, timeLimitMs)
}
