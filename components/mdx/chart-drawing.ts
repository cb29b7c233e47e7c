import { CHART_LIBRARY_PATH, CHART_SCRIPTS } from '@/lib/charts/libraries'
import type { ChartKind } from '@/lib/notebooks/outputs/chart-spec'

/** A chart on the page: redrawn for the other theme, removed when its note leaves the page. */
export type DrawnChart = { setDark: (dark: boolean) => Promise<void>; remove: () => void }

type Spec = Record<string, unknown>
type PlotlyGlobal = {
  react: (element: HTMLElement, data: unknown, layout: unknown, config: unknown) => Promise<unknown>
  purge: (element: HTMLElement) => void
}
type VegaEmbedGlobal = (element: HTMLElement, spec: Spec, options: Record<string, unknown>) => Promise<{ finalize: () => void }>
type ChartGlobals = { Plotly?: PlotlyGlobal; vegaEmbed?: VegaEmbedGlobal }

const loaded = new Map<string, Promise<void>>()

/** Runs a library script once per page: a same-origin <script src>, which the site's CSP allows. */
function loadScript(file: string): Promise<void> {
  let script = loaded.get(file)
  if (!script) {
    script = new Promise((resolve, reject) => {
      const element = document.createElement('script')
      element.src = `${CHART_LIBRARY_PATH}/${file}`
      element.async = false
      element.onload = () => resolve()
      element.onerror = () => reject(new Error(`${file} did not load`))
      document.head.append(element)
    })
    script.catch(() => loaded.delete(file))
    loaded.set(file, script)
  }
  return script
}

const DARK = { background: '#18181b', text: '#e4e4e7', grid: '#3f3f46', line: '#71717a' }

/** The figure's layout, with the page's dark colours over its own when the page is dark. */
export function themedPlotlyLayout(layout: Spec, dark: boolean): Spec {
  if (!dark) return layout
  const axes = new Set(['xaxis', 'yaxis', ...Object.keys(layout).filter((key) => /^[xy]axis\d*$/.test(key))])
  const part = (key: string) => (layout[key] && typeof layout[key] === 'object' ? (layout[key] as Spec) : {})
  return {
    ...layout,
    paper_bgcolor: DARK.background,
    plot_bgcolor: DARK.background,
    font: { ...part('font'), color: DARK.text },
    legend: { ...part('legend'), bgcolor: 'rgba(0,0,0,0)' },
    ...Object.fromEntries([...axes].map((axis) => [axis, { ...part(axis), gridcolor: DARK.grid, zerolinecolor: DARK.line, linecolor: DARK.line }])),
  }
}

// No links to Plotly's cloud, no logo: the toolbar keeps zoom, pan and download as PNG.
const PLOTLY_CONFIG = { responsive: true, displaylogo: false, showLink: false, showSendToCloud: false, showEditInChartStudio: false }

async function drawPlotly(element: HTMLElement, spec: Spec, dark: boolean): Promise<DrawnChart> {
  const Plotly = (window as ChartGlobals).Plotly
  if (!Plotly) throw new Error('plotly.js did not start')
  const layout = (spec.layout ?? {}) as Spec
  const draw = (isDark: boolean) => Plotly.react(element, spec.data, themedPlotlyLayout(layout, isDark), PLOTLY_CONFIG).then(() => undefined)
  await draw(dark)
  return { setDark: draw, remove: () => Plotly.purge(element) }
}

// Charts draw only what their spec holds: every URL Vega would fetch (data, images, links) is refused.
const NO_LOADING = {
  load: () => Promise.reject(new Error('charts load no files')),
  sanitize: () => Promise.reject(new Error('charts load no files')),
  http: () => Promise.reject(new Error('charts load no files')),
  file: () => Promise.reject(new Error('charts load no files')),
}

async function drawVegaLite(element: HTMLElement, spec: Spec, dark: boolean): Promise<DrawnChart> {
  const vegaEmbed = (window as ChartGlobals).vegaEmbed
  if (!vegaEmbed) throw new Error('vega-embed did not start')
  let view: { finalize: () => void } | undefined
  const draw = async (isDark: boolean) => {
    view?.finalize()
    view = await vegaEmbed(element, spec, {
      mode: 'vega-lite',
      // Expressions are interpreted, never compiled with new Function (no 'unsafe-eval' here).
      ast: true,
      renderer: 'svg',
      actions: false,
      loader: NO_LOADING,
      ...(isDark ? { theme: 'dark' } : {}),
      tooltip: { theme: isDark ? 'dark' : 'light' },
    })
  }
  await draw(dark)
  return { setDark: draw, remove: () => view?.finalize() }
}

/** Loads the chart's library and its spec (same-origin files), then draws it into `element`. */
export async function drawChart(kind: ChartKind, src: string, element: HTMLElement, dark: boolean): Promise<DrawnChart> {
  const [response] = await Promise.all([fetch(src), ...CHART_SCRIPTS[kind].map(loadScript)])
  if (!response.ok) throw new Error(`${src}: ${response.status}`)
  const spec = (await response.json()) as Spec
  return kind === 'plotly' ? drawPlotly(element, spec, dark) : drawVegaLite(element, spec, dark)
}
