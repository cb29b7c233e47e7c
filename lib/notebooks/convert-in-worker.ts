import 'server-only'
import { Worker } from 'node:worker_threads'
import type { ImportConversion } from './import-conversion'
import { NotebookError } from './notebook'

export const IMPORT_TIME_LIMIT_MS = 30_000

type Reply = { ok: true; conversion: ImportConversion } | { ok: false; notebookError: boolean; message: string }

/**
 * Converts an uploaded notebook (see convertForImport) in a worker thread of its own, stopped
 * after the time limit and bounded in memory. Imports are rare: one worker each.
 */
export function convertInWorker(text: string, slug: string, timeLimitMs = IMPORT_TIME_LIMIT_MS): Promise<ImportConversion> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 1024 } })
  return new Promise<ImportConversion>((resolve, reject) => {
    const timer = setTimeout(() => reject(new NotebookError(`it took longer than ${timeLimitMs / 1000} s to convert; split it or clear large outputs`)), timeLimitMs)
    worker.once('message', (reply: Reply) => {
      clearTimeout(timer)
      if (reply.ok) {
        // Buffers arrive as plain byte arrays.
        resolve({ ...reply.conversion, assets: reply.conversion.assets.map((asset) => ({ ...asset, bytes: Buffer.from(asset.bytes) })) })
      } else reject(reply.notebookError ? new NotebookError(reply.message) : new Error(reply.message))
    })
    worker.once('error', (error) => {
      clearTimeout(timer)
      reject(/memory limit/i.test(error.message) ? new NotebookError('it needs too much memory to convert; split it or clear large outputs') : error)
    })
    worker.once('exit', () => {
      clearTimeout(timer)
      reject(new Error('The notebook converter stopped before it answered.'))
    })
    worker.postMessage({ text, slug })
  }).finally(() => void worker.terminate())
}
