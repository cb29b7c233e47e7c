import type { Code, RootContent } from 'mdast'
import { jsxElement, jsxText, writtenMdx } from './jsx-markup'
import { collapseProgress } from './progress'
import { lineText, terminalLines, type TerminalLine } from './terminal'

/** A line's runs as JSX: styled runs in spans carrying their classes. */
function lineMarkup(line: TerminalLine): string {
  return line
    .map((run, index) => {
      // The MDX compiler trims spaces after a line break in text, so an indented line's first
      // run keeps its indent inside a span of its own.
      const indented = index === 0 && /^\s/.test(run.text)
      return run.classes || indented ? jsxElement('span', { className: run.classes }, jsxText(run.text)) : jsxText(run.text)
    })
    .join('')
}

/**
 * Text a program printed, as a reader of its terminal saw it last. Plain text stays a text code
 * block; coloured text becomes <pre className="ansi-output"> with a span per colour, on one MDX
 * line (line breaks as references) so Markdown cannot reflow it.
 */
export function terminalOutput(text: string, { progress = false } = {}): RootContent[] {
  const printed = terminalLines(text)
  const lines = progress ? collapseProgress(printed) : printed
  if (lines.length === 0) return []
  if (lines.every((line) => line.every((run) => run.classes === ''))) {
    return [{ type: 'code', lang: 'text', value: lines.map(lineText).join('\n') } satisfies Code]
  }
  const code = jsxElement('code', {}, lines.map(lineMarkup).join('&#xA;'))
  return [writtenMdx(jsxElement('pre', { className: 'ansi-output' }, code))]
}

/** An error output: its traceback once (it ends with "ename: evalue"), or those two if it has none. */
export function tracebackOutput(error: { ename: string; evalue: string; traceback: string[] }): RootContent[] {
  const traceback = error.traceback.join('\n')
  return terminalOutput(traceback.trim() ? traceback : `${error.ename}: ${error.evalue}`)
}
