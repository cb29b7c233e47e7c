import { MAX_BODY_BYTES } from '@/lib/notes/schema'
import { NotebookError, type Notebook } from './notebook'

/** The largest HTML output (a pandas table) an import reads: parsing it is the costly step. */
export const MAX_HTML_OUTPUT_BYTES = 2_000_000

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`
const joined = (value: unknown) => (Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '')

/**
 * Refuses, before anything is converted, a notebook whose text could not fit a note body (1 MB)
 * or whose HTML outputs are too large to parse quickly: the text the body is made of (cell sources
 * and text outputs) is counted as it stands, each HTML output against its own limit.
 */
export function checkImportSize(notebook: Notebook) {
  let textBytes = 0
  notebook.cells.forEach((cell, index) => {
    textBytes += Buffer.byteLength(cell.source)
    if (cell.cell_type !== 'code') return
    for (const output of cell.outputs) {
      if (output.output_type === 'stream') textBytes += Buffer.byteLength(output.text)
      else if (output.output_type === 'error') textBytes += Buffer.byteLength(output.evalue) + output.traceback.reduce((sum, line) => sum + Buffer.byteLength(line), 0)
      else {
        for (const mime of ['text/plain', 'text/markdown', 'text/latex']) textBytes += Buffer.byteLength(joined(output.data[mime]))
        const html = Buffer.byteLength(joined(output.data['text/html']))
        if (html > MAX_HTML_OUTPUT_BYTES) {
          throw new NotebookError(`cell ${index + 1} has an HTML output of ${megabytes(html)}; an import reads HTML outputs of up to ${megabytes(MAX_HTML_OUTPUT_BYTES)} (clear or shorten it in Jupyter)`)
        }
      }
    }
  })
  if (textBytes > MAX_BODY_BYTES) {
    throw new NotebookError(`its cells and text outputs come to ${megabytes(textBytes)}, and a note body may be at most 1 MB (clear large outputs or split the notebook)`)
  }
}
