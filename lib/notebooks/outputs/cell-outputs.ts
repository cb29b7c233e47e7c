import type { RootContent } from 'mdast'
import type { Output } from '../notebook'
import { jsxElement, writtenMdx } from './jsx-markup'

const WIDGET = 'application/vnd.jupyter.widget-view+json'
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml']
// A repr that says only what class the object is: <IPython.core.display.HTML object>.
const BARE_REPR = /^<[\w.]+ object(?: at 0x[0-9a-f]+)?>$/
// matplotlib's repr of a figure whose picture is another output of the cell.
const FIGURE_REPR = /^<Figure size \d+(?:\.\d+)?x\d+(?:\.\d+)? with \d+ Axes>$/

const HTML_TABLE = /<table[\s>]/i

type RichOutput = Extract<Output, { data: unknown }>

export const mimeText = (value: unknown) => (Array.isArray(value) ? value.join('') : String(value ?? ''))

export const isWidget = (output: RichOutput) => output.data[WIDGET] !== undefined

const hasImage = (output: Output) => 'data' in output && IMAGE_TYPES.some((mime) => output.data[mime] !== undefined)

/** Whether a rich output has nothing to show but its text/plain repr, and that says nothing. */
function isEmptyRepr(output: RichOutput, cellHasImage: boolean): boolean {
  if (isWidget(output) || hasImage(output)) return false
  const shown = Object.keys(output.data).filter((mime) => mime !== 'application/javascript' && mime !== 'text/plain')
  const plain = mimeText(output.data['text/plain']).trim()
  if (shown.some((mime) => mime !== 'text/html') || HTML_TABLE.test(mimeText(output.data['text/html']))) return false
  return BARE_REPR.test(plain) || (cellHasImage && FIGURE_REPR.test(plain)) || (shown.length === 0 && plain === '')
}

/** Stream outputs arrive in pieces (one per flush); readers see one block per stream. */
export function mergeStreams(outputs: Output[]): Output[] {
  const merged: Output[] = []
  for (const output of outputs) {
    const previous = merged[merged.length - 1]
    if (output.output_type === 'stream' && previous?.output_type === 'stream' && previous.name === output.name) {
      merged[merged.length - 1] = { ...previous, text: previous.text + output.text }
    } else merged.push(output)
  }
  return merged
}

/**
 * The outputs a reader should see, in order: streams merged, and reprs that only name a class
 * (a display object, a JavaScript output, which never runs here, a figure drawn beside it) left
 * out, as are repeated widget placeholders.
 */
export function readableOutputs(outputs: Output[]): Output[] {
  const cellHasImage = outputs.some(hasImage)
  let widgetShown = false
  return mergeStreams(outputs).filter((output) => {
    if (output.output_type === 'stream' || output.output_type === 'error') return true
    if (isWidget(output)) {
      if (widgetShown) return false
      widgetShown = true
      return true
    }
    return !isEmptyRepr(output, cellHasImage)
  })
}

/** What stands for a widget: it needs a live kernel, so the page says it is not shown. */
export const widgetNote = (): RootContent =>
  writtenMdx(jsxElement('p', { className: 'cell-output-note' }, 'Interactive widget (not shown)'))
