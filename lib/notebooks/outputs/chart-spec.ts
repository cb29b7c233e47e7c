import { NotebookError } from '../notebook'

export type ChartKind = 'plotly' | 'vega-lite'

const CHART_MIMES: ReadonlyArray<readonly [string, ChartKind]> = [
  ['application/vnd.plotly.v1+json', 'plotly'],
  ['application/vnd.vegalite.v6+json', 'vega-lite'],
  ['application/vnd.vegalite.v5+json', 'vega-lite'],
  ['application/vnd.vegalite.v4+json', 'vega-lite'],
]

/** The largest chart a note stores, as JSON: the same bound as an image. */
export const MAX_CHART_BYTES = 5 * 1024 * 1024
const MAX_DEPTH = 100

// Keys a chart library merges into objects; as own keys of parsed JSON they would reach prototypes.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
// Plotly traces that fetch map tiles or outlines from a third-party server.
const MAP_TRACES = new Set(['scattergeo', 'choropleth', 'scattermap', 'choroplethmap', 'densitymap', 'scattermapbox', 'choroplethmapbox', 'densitymapbox'])
// Vega parses these inline formats with generated code (new Function), which the site's CSP blocks.
const GENERATED_PARSERS = new Set(['csv', 'tsv', 'dsv'])
const EMBEDDED_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/

export type ChartOutput = { kind: ChartKind; mime: string; spec: unknown }

/** The interactive chart an output's mime bundle holds, if any (Plotly first, then the newest Vega-Lite). */
export function findChart(data: Record<string, unknown>): ChartOutput | null {
  for (const [mime, kind] of CHART_MIMES) {
    if (data[mime] !== undefined) return { kind, mime, spec: data[mime] }
  }
  return null
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

type Visit = [object: Record<string, unknown>, path: string[]]

/** Every object in the spec with the key path that leads to it, depth-first; `skip` leaves a part unread. */
function* objectsIn(value: unknown, skip: (path: string[]) => boolean = () => false, path: string[] = []): Generator<Visit> {
  if (path.length > MAX_DEPTH || skip(path)) return
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* objectsIn(item, skip, [...path, String(index)])
  } else if (isObject(value)) {
    yield [value, path]
    for (const [key, item] of Object.entries(value)) yield* objectsIn(item, skip, [...path, key])
  }
}

// Data records are the author's table: a column may be called "url" without anything being fetched.
const isVegaData = (path: string[]) => path[path.length - 1] === 'values' || (path.length === 2 && path[0] === 'datasets')

function plotlyProblem(spec: Record<string, unknown>): string | null {
  if (!Array.isArray(spec.data)) return 'has no "data" list of traces'
  for (const [object, path] of objectsIn(spec)) {
    const at = path.join('.')
    if (path.length === 2 && path[0] === 'data' && typeof object.type === 'string' && MAP_TRACES.has(object.type)) {
      return `has a "${object.type}" trace (at ${at}), which loads its map from another site; use a static image of the map`
    }
    if (typeof object.source === 'string' && !EMBEDDED_IMAGE.test(object.source)) {
      return `loads an image from elsewhere (source at ${at}); embed the image as a data:image/png URL`
    }
  }
  return null
}

function vegaLiteProblem(spec: Record<string, unknown>): string | null {
  const schema = spec.$schema
  if (schema !== undefined && (typeof schema !== 'string' || !/vega-lite/.test(schema))) return 'is not a Vega-Lite spec (its $schema names something else)'
  for (const [object, path] of objectsIn(spec, isVegaData)) {
    const at = path.join('.') || 'the top'
    if ('url' in object) return `loads data from a URL (url at ${at}); put the data in the spec (Altair: alt.data_transformers.enable("default"))`
    if ('href' in object) return `turns marks into links (href at ${at}); links in charts are not supported`
    const format = object.format
    if (isObject(format) && typeof format.type === 'string' && GENERATED_PARSERS.has(format.type)) {
      return `holds ${format.type.toUpperCase()} text (format at ${at}); give the data as a list of records`
    }
    if (typeof object.values === 'string') return `holds its data as text (values at ${at}); give the data as a list of records`
  }
  return null
}

/**
 * The chart spec as the site stores it, or a NotebookError naming the cell. A spec is data, but a
 * chart library would fetch what it names: anything loaded from a URL, a map from a tile server,
 * an image from another site is refused. Plotly's `config` and Vega-Lite's `usermeta` (embed
 * options, which may name files to fetch) are dropped: the page sets its own.
 */
export function checkChartSpec(chart: ChartOutput, where: string): Record<string, unknown> {
  const spec = chart.spec
  if (!isObject(spec)) throw new NotebookError(`${where}: the ${chart.mime} output is not a JSON object`)
  const depth = deepestPath(spec)
  if (depth > MAX_DEPTH) throw new NotebookError(`${where}: the ${chart.mime} output is nested more than ${MAX_DEPTH} levels deep`)
  for (const [object, path] of objectsIn(spec)) {
    const key = Object.keys(object).find((name) => PROTOTYPE_KEYS.has(name))
    if (key) throw new NotebookError(`${where}: the ${chart.mime} output has a "${key}" key (at ${[...path, key].join('.')})`)
  }
  const problem = chart.kind === 'plotly' ? plotlyProblem(spec) : vegaLiteProblem(spec)
  if (problem) throw new NotebookError(`${where}: the ${chart.mime} output ${problem}`)
  const stored = chart.kind === 'plotly' ? { data: spec.data, layout: isObject(spec.layout) ? spec.layout : {}, ...(Array.isArray(spec.frames) ? { frames: spec.frames } : {}) } : withoutKey(spec, 'usermeta')
  if (JSON.stringify(stored).length > MAX_CHART_BYTES) throw new NotebookError(`${where}: the ${chart.mime} output is larger than 5 MB; plot fewer points`)
  return stored
}

function deepestPath(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return depth
  let deepest = depth
  for (const item of Object.values(value)) deepest = Math.max(deepest, deepestPath(item, depth + 1))
  return deepest
}

function withoutKey(object: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([name]) => name !== key))
}

const plainText = (value: unknown): string | undefined => {
  const text = Array.isArray(value) ? value.filter((line) => typeof line === 'string').join(' ') : value
  if (typeof text !== 'string') return undefined
  // Plotly titles may hold its small HTML subset (<b>, <br>); the fallback shows the words.
  const words = text.replace(/<br\s*\/?>/gi, ' ').replace(/<[^<>]*>/g, '').replace(/\s+/g, ' ').trim()
  return words || undefined
}

/** The chart's title as plain text, if it has one. */
export function chartTitle(chart: ChartOutput): string | undefined {
  if (!isObject(chart.spec)) return undefined
  const title = chart.kind === 'plotly' ? (isObject(chart.spec.layout) ? chart.spec.layout.title : undefined) : chart.spec.title
  return plainText(isObject(title) ? title.text : title) ?? (chart.kind === 'vega-lite' ? plainText(chart.spec.description) : undefined)
}
