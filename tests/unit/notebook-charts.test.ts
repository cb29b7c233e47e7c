import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { themedPlotlyLayout } from '@/components/mdx/chart-drawing'
import { mdxComponents } from '@/components/mdx/mdx-components'
import { CHART_LIBRARY_FILES, CHART_SCRIPTS, isChartSpecPath } from '@/lib/charts/libraries'
import { renderFeedHtml } from '@/lib/feed/render-html'
import { checkMdxPolicy } from '@/lib/mdx/policy'
import { compileNoteBody } from '@/lib/mdx/preview-compiler'
import { NotebookError, parseNotebook } from '@/lib/notebooks/notebook'
import { notebookToNote, type NotebookAsset } from '@/lib/notebooks/to-mdx'

const PNG = readFileSync(path.join(import.meta.dirname, '../fixtures/loss-curve.png')).toString('base64')
const PLOTLY = 'application/vnd.plotly.v1+json'
const VEGA_LITE = 'application/vnd.vegalite.v5+json'

const FRONT = { cell_type: 'markdown', source: '---\ntitle: "Charts"\n---\nIntro.', metadata: {} }
const plotly = (layout: Record<string, unknown> = {}, data: unknown[] = [{ type: 'scatter', x: [1, 2, 3], y: [4, 1, 9], name: 'loss' }]) => ({
  data,
  layout: { title: { text: '<b>Loss</b> per epoch' }, ...layout },
  config: { plotlyServerURL: 'https://chart-studio.plotly.com' },
})
const vegaLite = (extra: Record<string, unknown> = {}) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: 'Time per size',
  data: { values: [{ n: 64, seconds: 0.01, url: 'https://example.com/not-fetched' }] },
  mark: 'line',
  encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 'seconds', type: 'quantitative' } },
  usermeta: { embedOptions: { loader: { baseURL: 'https://evil.example/' } } },
  ...extra,
})
const display = (data: Record<string, unknown>) => ({ output_type: 'display_data', data, metadata: {} })

function convert(data: Record<string, unknown>, options: { charts?: boolean; alt?: string } = { charts: true }) {
  const cell = { cell_type: 'code', source: 'fig.show()', metadata: options.alt ? { alt: options.alt } : {}, execution_count: 1, outputs: [display(data)] }
  const notebook = parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [FRONT, cell] }))
  return notebookToNote(notebook, { charts: options.charts, assetUrl: (asset) => `/notebooks/charts/${asset.name}` })
}

const refusal = (data: Record<string, unknown>) => {
  try {
    convert(data)
  } catch (error) {
    if (error instanceof NotebookError) return error.problems.join('\n')
    throw error
  }
  return 'converted'
}

const specOf = (assets: NotebookAsset[]) => JSON.parse(assets.find((asset) => asset.ext === 'json')!.bytes.toString('utf8'))

async function rendered(body: string): Promise<string> {
  expect(checkMdxPolicy(body)).toEqual([])
  const [compiled] = await compileNoteBody({ source: body })
  return renderToStaticMarkup(createElement(getMDXComponent(compiled), { components: mdxComponents }))
}

describe('Plotly and Vega-Lite outputs', () => {
  it('become an interactive chart whose spec is a file beside the plots and whose fallback is the output image', async () => {
    const { body, assets } = convert({ [PLOTLY]: plotly(), 'image/png': PNG, 'text/html': '<div id="x"></div><script>Plotly.newPlot()</script>' }, { charts: true, alt: 'Loss falls over three epochs' })
    const json = assets.find((asset) => asset.ext === 'json')!
    expect(json.name).toMatch(/^cell-2-[0-9a-f]{10}\.json$/)
    expect(isChartSpecPath(`/notebooks/charts/${json.name}`)).toBe(true)
    // The page's own config is used: the notebook's (a cloud URL here) is not stored.
    expect(specOf(assets)).toEqual({ data: plotly().data, layout: plotly().layout })
    expect(body).toContain(`<InteractiveChart kind="plotly" src="/notebooks/charts/${json.name}" label="Loss falls over three epochs">`)
    expect(body).not.toContain('scatter')

    const page = await rendered(body)
    expect(page).toContain('data-chart="plotly" data-state="waiting"')
    expect(page).toMatch(/<img[^>]*alt="Loss falls over three epochs"/)
    expect(page).not.toContain('<script')
  })

  it('show the chart title and that it needs JavaScript when the output has no image, never the JSON', async () => {
    const { body, assets } = convert({ [VEGA_LITE]: vegaLite(), 'text/plain': 'alt.Chart(...)' })
    expect(specOf(assets)).toEqual(Object.fromEntries(Object.entries(vegaLite()).filter(([key]) => key !== 'usermeta')))
    const page = await rendered(body)
    expect(page).toContain('Interactive chart: Time per size (needs JavaScript)')
    expect(page).toContain('label="Time per size"'.replace('label', 'aria-label'))
    expect(page).not.toContain('alt.Chart')
    expect(page).not.toContain('seconds')
  })

  it('keep text output that says something as the fallback', async () => {
    const { body } = convert({ [PLOTLY]: plotly(), 'text/plain': 'Loss: 4.0, 1.0, 9.0' })
    expect(await rendered(body)).toContain('Loss: 4.0, 1.0, 9.0')
  })

  it('accept the Vega-Lite v4 and v6 bundles', () => {
    for (const version of [4, 6]) {
      const { body } = convert({ [`application/vnd.vegalite.v${version}+json`]: vegaLite() })
      expect(body).toContain('<InteractiveChart kind="vega-lite"')
    }
  })

  it('are only their fallback where chart specs are not stored (the admin import)', () => {
    const { body, assets } = convert({ [PLOTLY]: plotly(), 'image/png': PNG }, {})
    expect(body).not.toContain('InteractiveChart')
    expect(body).toMatch(/!\[Loss per epoch\]\(\/notebooks\/charts\/cell-2-[0-9a-f]{10}\.png\)/)
    expect(assets.map((asset) => asset.ext)).toEqual(['png'])
  })

  it('reach feeds as their fallback: the image, or the note, with no spec', async () => {
    const withImage = await renderFeedHtml(convert({ [PLOTLY]: plotly(), 'image/png': PNG }).body, 'https://notes.example/notes/charts')
    expect(withImage).toMatch(/<img src="https:\/\/notes\.example\/notebooks\/charts\/cell-2-[0-9a-f]{10}\.png" alt="Loss per epoch">/)
    expect(withImage).not.toMatch(/json|InteractiveChart|scatter/)
    const textOnly = await renderFeedHtml(convert({ [VEGA_LITE]: vegaLite() }).body, 'https://notes.example/notes/charts')
    expect(textOnly).toContain('Interactive chart: Time per size (needs JavaScript)')
    expect(textOnly).not.toMatch(/json|quantitative/)
  })
})

describe('chart specs that would fetch or run something', () => {
  it('are refused, naming the cell and the place', () => {
    expect(refusal({ [VEGA_LITE]: vegaLite({ data: { url: 'https://evil.example/data.csv' } }) })).toBe(
      'cell 2: the application/vnd.vegalite.v5+json output loads data from a URL (url at data); put the data in the spec (Altair: alt.data_transformers.enable("default"))',
    )
    expect(refusal({ [VEGA_LITE]: vegaLite({ layer: [{ mark: 'image', encoding: { url: { field: 'img' } } }] }) })).toContain('loads data from a URL (url at layer.0.encoding)')
    expect(refusal({ [VEGA_LITE]: vegaLite({ encoding: { href: { field: 'link' } } }) })).toContain('turns marks into links (href at encoding)')
    expect(refusal({ [VEGA_LITE]: vegaLite({ data: { values: 'a,b\n1,2', format: { type: 'csv' } } }) })).toContain('holds CSV text (format at data)')
    expect(refusal({ [VEGA_LITE]: vegaLite({ $schema: 'https://vega.github.io/schema/vega/v5.json' }) })).toContain('is not a Vega-Lite spec')
    expect(refusal({ [PLOTLY]: plotly({ images: [{ source: 'https://evil.example/logo.png' }] }) })).toBe(
      'cell 2: the application/vnd.plotly.v1+json output loads an image from elsewhere (source at layout.images.0); embed the image as a data:image/png URL',
    )
    expect(refusal({ [PLOTLY]: plotly({}, [{ type: 'image', source: '//evil.example/a.png' }]) })).toContain('(source at data.0)')
    expect(refusal({ [PLOTLY]: plotly({}, [{ type: 'scattergeo', lat: [1], lon: [2] }]) })).toContain('has a "scattergeo" trace (at data.0)')
    expect(refusal({ [PLOTLY]: JSON.parse('{"data": [], "layout": {"__proto__": {"polluted": true}}}') })).toContain('has a "__proto__" key (at layout.__proto__)')
    expect(refusal({ [PLOTLY]: { layout: {} } })).toContain('has no "data" list of traces')
    expect(refusal({ [PLOTLY]: [1, 2] })).toContain('is not a JSON object')
  })

  it('are accepted when they only hold data: a "url" column, an embedded image', () => {
    expect(refusal({ [VEGA_LITE]: vegaLite() })).toBe('converted')
    expect(refusal({ [PLOTLY]: plotly({ images: [{ source: `data:image/png;base64,${PNG}` }] }) })).toBe('converted')
  })
})

describe('chart libraries', () => {
  it('are the installed files, named with their installed versions', () => {
    for (const [name, file] of Object.entries(CHART_LIBRARY_FILES)) {
      const packageDir = path.join(process.cwd(), 'node_modules', file.split('/')[0])
      const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
      expect(name).toContain(`-${version}.min.js`)
      expect(existsSync(path.join(process.cwd(), 'node_modules', file))).toBe(true)
    }
    expect(CHART_SCRIPTS['vega-lite'].at(-1)).toMatch(/^vega-embed-/)
  })

  it('plotly draws with the dark colours only on the dark theme', () => {
    const layout = { title: { text: 'Loss' }, xaxis2: { type: 'log' }, font: { size: 12 } }
    expect(themedPlotlyLayout(layout, false)).toBe(layout)
    const dark = themedPlotlyLayout(layout, true)
    expect(dark).toMatchObject({ paper_bgcolor: '#18181b', font: { size: 12, color: '#e4e4e7' }, xaxis2: { type: 'log', gridcolor: '#3f3f46' }, yaxis: { gridcolor: '#3f3f46' } })
  })
})
