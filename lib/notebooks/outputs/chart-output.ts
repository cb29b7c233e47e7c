import type { RootContent } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import { chartTitle, type ChartOutput } from './chart-spec'
import { mimeText } from './cell-outputs'
import { jsxElement, jsxText, writtenMdx } from './jsx-markup'
import { terminalOutput } from './text-output'

// What Altair and Plotly print for the chart object itself: no words for a reader.
const CHART_REPR = /^(?:alt\.\w+\(\.\.\.\)|Figure\(|<)/

/**
 * What stands for a chart that has no image of its own, for feeds and readers without JavaScript:
 * the output's text when it says something, else the chart's title and why it is not drawn.
 * Never the spec's JSON.
 */
export function chartTextFallback(chart: ChartOutput, data: Record<string, unknown>): RootContent[] {
  const plain = data['text/plain'] === undefined ? '' : mimeText(data['text/plain']).trim()
  if (plain && !CHART_REPR.test(plain)) return terminalOutput(plain)
  const title = chartTitle(chart)
  const note = `Interactive chart${title ? `: ${title}` : ''} (needs JavaScript)`
  return [writtenMdx(jsxElement('p', { className: 'cell-output-note' }, jsxText(note)))]
}

/**
 * The interactive chart: its spec is a file beside the notebook's plots (`src`), read when the
 * chart scrolls into view; the fallback is its children, shown until then and wherever it never draws.
 */
export function interactiveChart(chart: ChartOutput, src: string, label: string, fallback: RootContent[]): MdxJsxFlowElement {
  const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute' as const, name, value })
  return {
    type: 'mdxJsxFlowElement',
    name: 'InteractiveChart',
    attributes: [attribute('kind', chart.kind), attribute('src', src), attribute('label', label)],
    children: fallback as MdxJsxFlowElement['children'],
  }
}
