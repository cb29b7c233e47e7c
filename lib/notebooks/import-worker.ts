// The conversion of an uploaded notebook, in a worker thread: a large or pathological notebook
// costs this thread, never the one answering readers.
import { parentPort } from 'node:worker_threads'
import { convertForImport } from './import-conversion'
import { NotebookError } from './notebook'

parentPort?.once('message', ({ text, slug }: { text: string; slug: string }) => {
  try {
    parentPort?.postMessage({ ok: true, conversion: convertForImport(text, slug) })
  } catch (error) {
    parentPort?.postMessage({ ok: false, notebookError: error instanceof NotebookError, message: (error as Error).message })
  }
})
