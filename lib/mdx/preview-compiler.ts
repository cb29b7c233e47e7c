import 'server-only'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

export const PREVIEW_TIME_LIMIT_MS = 5_000

export class CompileError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message)
  }
}

type Pending = { resolve: (codes: string[]) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
type Reply = { id: number; ok: true; codes: string[] } | { id: number; ok: false; message: string }
type Job = { source: string } | { blocks: string[] }

/**
 * One long-lived worker thread (Shiki and KaTeX stay warm between previews). A compile that
 * overruns the limit terminates the worker, which fails whatever else it had in hand; the next
 * compile starts a fresh one.
 */
class CompileWorker {
  private worker: Worker | null = null
  private pending = new Map<number, Pending>()
  private nextId = 1

  compile(job: Job, timeLimitMs: number): Promise<string[]> {
    const worker = this.ensureWorker()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(new CompileError(`The preview took longer than ${timeLimitMs / 1000} s and was stopped.`, true))
      }, timeLimitMs)
      this.pending.set(id, { resolve, reject, timer })
      worker.postMessage({ id, ...job })
    })
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const file = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib/mdx/compile-worker.mjs')
    const worker = new Worker(file)
    worker.unref()
    worker.on('message', (reply: Reply) => {
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
