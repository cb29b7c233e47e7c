import type { ChartKind } from '@/lib/notebooks/outputs/chart-spec'
import { CHART_LIBRARY_FILES } from './library-files.mjs'

export { CHART_LIBRARY_FILES }

/**
 * The chart libraries, served by app/charts/[file]/route.ts from node_modules under names that
 * carry their versions (so they are cached for good), and loaded by a note page only when a chart
 * scrolls into view. Builds without `eval`: plotly.js's "strict" bundle, and Vega run with
 * vega-embed's `ast: true`, which interprets expressions with the vega-interpreter it bundles.
 * tests/unit/chart-libraries.test.ts checks the versions against the installed packages.
 */
export type ChartLibraryFile = keyof typeof CHART_LIBRARY_FILES

export const CHART_LIBRARY_PATH = '/charts'

/** The scripts a chart of each kind needs, in the order they must run (vega-embed reads the globals of the others). */
export const CHART_SCRIPTS: Record<ChartKind, readonly ChartLibraryFile[]> = {
  plotly: ['plotly-strict-4.1.1.min.js'],
  'vega-lite': ['vega-6.4.0.min.js', 'vega-lite-6.4.1.min.js', 'vega-embed-7.3.0.min.js'],
}

// The only specs a chart reads: the ones the content build wrote beside a notebook's plots (lib/notebooks/served-file.ts).
const CHART_SPEC_PATH = /^\/notebooks\/[a-z0-9-]{1,80}\/cell-\d{1,5}-[0-9a-f]{6,64}\.json$/

export const isChartSpecPath = (src: string) => CHART_SPEC_PATH.test(src)

export const isChartKind = (kind: string): kind is ChartKind => kind === 'plotly' || kind === 'vega-lite'
