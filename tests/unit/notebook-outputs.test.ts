import { readFileSync } from 'node:fs'
import path from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx/mdx-components'
import { renderFeedHtml } from '@/lib/feed/render-html'
import { checkMdxPolicy } from '@/lib/mdx/policy'
import { compileNoteBody } from '@/lib/mdx/preview-compiler'
import { parseNotebook } from '@/lib/notebooks/notebook'
import { notebookToNote } from '@/lib/notebooks/to-mdx'
import { lineText, terminalLines } from '@/lib/notebooks/outputs/terminal'

const PNG = readFileSync(path.join(import.meta.dirname, '../fixtures/loss-curve.png')).toString('base64')
const ESC = '\u001b'

const FRONT = { cell_type: 'markdown', source: '---\ntitle: "Outputs"\n---\nIntro.', metadata: {} }
const code = (outputs: unknown[], source = 'run()') => ({ cell_type: 'code', source, metadata: {}, execution_count: 1, outputs })
const convert = (...cells: unknown[]) =>
  notebookToNote(parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [FRONT, ...cells] })), { assetUrl: (asset) => `/nb/${asset.name}` }).body
const outputs = (...list: unknown[]) => convert(code(list))
const html = (value: string, plain = 'DataFrame') => ({ output_type: 'execute_result', execution_count: 1, data: { 'text/html': value, 'text/plain': plain }, metadata: {} })
const stream = (text: string, name = 'stdout') => ({ output_type: 'stream', name, text })
const error = (traceback: string[], ename = 'ZeroDivisionError', evalue = 'division by zero') => ({ output_type: 'error', ename, evalue, traceback })

/** The note body as a reader's browser gets it: compiled by the site's MDX pipeline, rendered by React. */
async function rendered(body: string): Promise<string> {
  expect(checkMdxPolicy(body)).toEqual([])
  const [compiled] = await compileNoteBody({ source: body })
  return renderToStaticMarkup(createElement(getMDXComponent(compiled), { components: mdxComponents }))
}

/** What a reader reads: the rendered HTML's text. */
const textOf = (markup: string) =>
  markup
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')

// pandas 2's HTML for df.groupby(["device", "run"]).agg({"time": ["mean", "std"]}) with a named column index.
const MULTI_INDEX = `<div>
<style scoped>.dataframe tbody tr th:only-of-type { vertical-align: middle; }</style>
<table border="1" class="dataframe">
  <thead>
    <tr><th></th><th></th><th colspan="2" halign="left">time</th><th>when</th></tr>
    <tr><th></th><th></th><th>mean</th><th>std</th><th>date</th></tr>
    <tr><th>device</th><th>run</th><th></th><th></th><th></th></tr>
  </thead>
  <tbody>
    <tr><th rowspan="2" valign="top">cuda</th><th>1</th><td>1,234.5</td><td>-0.25</td><td>2012-10-03</td></tr>
    <tr><th>2</th><td>1.5e-05</td><td>NaN</td><td>2012-10-04</td></tr>
    <tr><th>cpu</th><th>1</th><td>12%</td><td>inf</td><td>n/a</td></tr>
  </tbody>
</table>
<p>3 rows × 3 columns</p>
</div>`

describe('DataFrames render as tables', () => {
  it('keeps each header row, the spans and the index cells, and marks numbers to align right', async () => {
    const body = outputs(html(MULTI_INDEX))
    const page = await rendered(body)
    expect(page).toContain('<div class="table-scroll" role="group" aria-label="Table, scrolls sideways" tabindex="0"><table class="dataframe"><thead>')
    expect(page).toContain('<tr><th></th><th></th><th colSpan="2">time</th><th>when</th></tr>')
    expect(page).toContain('<tr><th></th><th></th><th>mean</th><th>std</th><th>date</th></tr>')
    expect(page).toContain('<tr><th>device</th><th>run</th><th></th><th></th><th></th></tr></thead><tbody>')
    expect(page).toContain('<tr><th rowSpan="2">cuda</th><th class="num">1</th><td class="num">1,234.5</td><td class="num">-0.25</td><td>2012-10-03</td></tr>')
    expect(page).toContain('<tr><th class="num">2</th><td class="num">1.5e-05</td><td class="num">NaN</td><td>2012-10-04</td></tr>')
    expect(page).toContain('<tr><th>cpu</th><th class="num">1</th><td class="num">12%</td><td class="num">inf</td><td>n/a</td></tr></tbody></table></div>')
    expect(page).toContain('<p>3 rows × 3 columns</p>')
    expect(page).not.toMatch(/halign|valign|border=|scoped|vertical-align/)
  })

  it('keeps only the text of the HTML: no links, images, styles, handlers or scripts', async () => {
    const hostile =
      '<table style="color:red" onclick="alert(1)"><thead><tr><th><a href="javascript:alert(1)">link</a></th><th>*b* {x} $5 &lt;i&gt; \\ref{a}</th></tr></thead>' +
      '<tbody><tr><td><img src="https://evil.example/x.png" onerror="alert(2)">pic</td><td><script>alert(3)</script>ok</td></tr></tbody></table>'
    const body = outputs(html(hostile))
    expect(body).not.toMatch(/href|src=|onclick|onerror|style|script|alert|evil/)
    const page = await rendered(body)
    // \ref{…} in text would be read as an equation reference; a span keeps it text.
    expect(page).toContain('<tr><th>link</th><th>*b* {x} $5 &lt;i&gt; <span>\\</span>ref{a}</th></tr>')
    expect(page).toContain('<tr><td>pic</td><td>ok</td></tr>')
  })

  it('turns Styler output (a style sheet, ids and classes) into the same clean table', async () => {
    const styler =
      '<style type="text/css">\n#T_a1b2_row0_col0 { background-color: #ff0000; }\n</style>\n' +
      '<table id="T_a1b2"><caption>Loss by epoch</caption><thead><tr><th class="blank level0" >&nbsp;</th><th id="T_a1b2_level0_col0" class="col_heading level0 col0" >loss</th></tr></thead>' +
      '<tbody><tr><th id="T_a1b2_level0_row0" class="row_heading level0 row0" >0</th><td id="T_a1b2_row0_col0" class="data row0 col0" >0.512300</td></tr></tbody></table>'
    const body = outputs(html(styler, '<pandas.io.formats.style.Styler at 0x7f>'))
    expect(body).not.toMatch(/T_a1b2|background|col_heading|Styler/)
    const page = await rendered(body)
    expect(page).toContain('<p>Loss by epoch</p><div class="table-scroll"')
    expect(page).toContain('<thead><tr><th></th><th>loss</th></tr></thead><tbody><tr><th class="num">0</th><td class="num">0.512300</td></tr></tbody>')
  })

  it('clamps spans to what HTML allows and ignores ones that are not numbers', () => {
    const body = outputs(html('<table><tr><td colspan="99999" rowspan="x">a</td><td rowspan="70000">b</td><td colspan="-2">c</td></tr></table>'))
    expect(body).toContain('<tr><td colSpan="1000">a</td><td rowSpan="65534">b</td><td>c</td></tr>')
  })

  it('reads the same in feeds: a plain HTML table with its spans', async () => {
    const page = await renderFeedHtml(outputs(html(MULTI_INDEX)), 'https://notes.example/notes/outputs')
    const feed = page.slice(page.indexOf('<div><p><em>Output:</em></p>'))
    expect(feed).toContain('<div><table><thead><tr><th></th><th></th><th colspan="2">time</th><th>when</th></tr>')
    expect(feed).toContain('<tr><th rowspan="2">cuda</th><th>1</th><td>1,234.5</td><td>-0.25</td><td>2012-10-03</td></tr>')
    expect(feed).toContain('<p>3 rows × 3 columns</p>')
    expect(feed).not.toMatch(/class=|<p><tr|<p><table/)
  })
})

// IPython 8's traceback for 1/0: the expression highlighted in 256-colour grey on yellow.
const TRACEBACK = [
  `${ESC}[0;31m---------------------------------------------------------------------------${ESC}[0m`,
  `${ESC}[0;31mZeroDivisionError${ESC}[0m                         Traceback (most recent call last)`,
  `Cell ${ESC}[0;32mIn[1], line 1${ESC}[0m\n${ESC}[0;32m----> 1${ESC}[0m ${ESC}[38;5;241;43m1${ESC}[39;49m${ESC}[38;5;241;43m/${ESC}[39;49m${ESC}[38;5;241;43m0${ESC}[39;49m`,
  `${ESC}[0;31mZeroDivisionError${ESC}[0m: division by zero`,
]

describe('tracebacks and coloured text', () => {
  it('shows the traceback once, its last line included once', async () => {
    const page = await rendered(outputs(error(TRACEBACK)))
    const text = textOf(page)
    expect(text.match(/ZeroDivisionError: division by zero/g)).toHaveLength(1)
    expect(text).toContain('Cell In[1], line 1\n----> 1 1/0\nZeroDivisionError: division by zero')
  })

  it('falls back to "ename: evalue" when the traceback is empty', async () => {
    const text = textOf(await rendered(outputs(error([], 'ValueError', 'shapes (2,3) and (2,3) not aligned'))))
    expect(text.match(/ValueError: shapes \(2,3\) and \(2,3\) not aligned/g)).toHaveLength(1)
  })

  it('keeps the colours as classes on spans in a <pre> the highlighter leaves alone, line breaks and indents intact', async () => {
    const page = await rendered(outputs(error([...TRACEBACK.slice(0, 2), `File ${ESC}[0;32mtrain.py:3${ESC}[0m\n    ${ESC}[1;34mloss${ESC}[0m = a_b * c  # {x}`])))
    expect(page).toContain('<pre class="ansi-output"><code><span class="ansi-red">-----')
    expect(page).toContain('<span class="ansi-red">ZeroDivisionError</span>                         Traceback (most recent call last)\n')
    expect(page).toContain('File <span class="ansi-green">train.py:3</span>\n<span>    </span><span class="ansi-blue ansi-bold">loss</span> = a_b * c  # {x}</code></pre>')
    const block = page.slice(page.indexOf('<pre class="ansi-output">'))
    expect(block).not.toMatch(/data-language|data-rehype-pretty-code|style=/)
  })

  it.each([
    ['30–37 foreground', `${ESC}[33mwarn${ESC}[0m`, '<span class="ansi-yellow">warn</span>'],
    ['90–97 bright foreground', `${ESC}[91mfail${ESC}[39m ok`, '<span class="ansi-bright-red">fail</span> ok'],
    ['bold, then colour kept after 22', `${ESC}[1;36mA${ESC}[22mB`, '<span class="ansi-cyan ansi-bold">A</span><span class="ansi-cyan">B</span>'],
    ['256-colour grey with a background', `${ESC}[38;5;241;43mx${ESC}[39;49my`, '<span class="ansi-bright-black ansi-highlight">x</span>y'],
    ['true colour', `${ESC}[38;2;250;10;10mhot${ESC}[0m`, '<span class="ansi-bright-red">hot</span>'],
    ['unknown codes dropped', `${ESC}[3;5;4mplain${ESC}[0m ${ESC}[35mm`, 'plain <span class="ansi-magenta">m</span>'],
  ])('maps %s', async (_what, printed, expected) => {
    const page = await rendered(outputs(stream(`${printed}\n`, 'stderr')))
    expect(page).toContain(`<pre class="ansi-output"><code>${expected}</code></pre>`)
  })

  it('leaves uncoloured text a highlighted text block, as before', async () => {
    const body = outputs(stream('epoch 1 loss=0.5\n'))
    expect(body).toContain('```text\n  epoch 1 loss=0.5\n  ```')
  })

  it('gives every terminal colour AA contrast on the code block in both themes', () => {
    const css = readFileSync(path.join(import.meta.dirname, '../../app/globals.css'), 'utf8')
    const theme = readFileSync(path.join(import.meta.dirname, '../../node_modules/tailwindcss/theme.css'), 'utf8')
    const block = (selector: string) => {
      const start = css.indexOf(`\n${selector} {`)
      expect(start, selector).toBeGreaterThan(-1)
      return css.slice(start, css.indexOf('}', start))
    }
    const declarations = (selector: string) => Object.fromEntries([...block(selector).matchAll(/(--ansi-[\w-]+|background-color): ([^;]+);/g)].map((match) => [match[1], match[2]]))
    const light = declarations('.ansi-output')
    const dark = { ...light, ...declarations('.dark .ansi-output') }
    const resolve = (value: string, scope: Record<string, string>): [number, number, number] => {
      const variable = /^var\((--[\w-]+)\)$/.exec(value)
      if (variable && variable[1].startsWith('--ansi-')) return resolve(scope[variable[1]], scope)
      if (variable) return oklch(new RegExp(`${variable[1]}: oklch\\(([^)]*)\\)`).exec(theme)![1])
      if (value.startsWith('#')) return hex(value)
      const mix = /^color-mix\(in srgb, (.+) (\d+)%, (.+)\)$/.exec(value)
      if (mix) return mixSrgb(resolve(mix[1], scope), resolve(mix[3], scope), Number(mix[2]) / 100)
      throw new Error(`cannot read ${value}`)
    }
    const backgrounds = { light: resolve(block('.prose pre').match(/background-color: ([^;]+);/)![1], light), dark: resolve(block('.dark .prose pre').match(/background-color: ([^;]+);/)![1], dark) }
    const weak: string[] = []
    for (const [themeName, scope] of [['light', light], ['dark', dark]] as const) {
      const colours = Object.keys(scope).filter((name) => name !== '--ansi-highlight')
      expect(colours).toHaveLength(16)
      for (const background of [backgrounds[themeName], resolve(scope['--ansi-highlight'], scope)]) {
        for (const name of colours) {
          const ratio = contrast(resolve(scope[name], scope), background)
          if (ratio < 4.5) weak.push(`${themeName} ${name} ${ratio.toFixed(2)}`)
        }
      }
    }
    expect(weak).toEqual([])
  })
})

describe('progress bars, widgets and empty reprs', () => {
  it('shows a bar redrawn with carriage returns in its final state only', () => {
    const bar = '\r  0%|          | 0/5 [00:00<?, ?it/s]\r 40%|████      | 2/5 [00:00<00:00, 9.8it/s]\r100%|██████████| 5/5 [00:01<00:00, 4.90it/s]\n'
    const body = outputs(stream('start\n'), stream(bar, 'stderr'))
    expect(body).toContain('```text\n  100%|██████████| 5/5 [00:01<00:00, 4.90it/s]\n  ```')
    expect(body).not.toMatch(/ 0%|40%/)
  })

  it('overwrites like a terminal: a shorter redraw leaves the end of the line, cursor-up redraws a line above', () => {
    expect(outputs(stream('Downloading 50%\rDone\n'))).toContain('Doneloading 50%')
    expect(outputs(stream('Downloading 50%\r\u001b[KDone\n'))).toContain('```text\n  Done\n  ```')
    const nested = 'outer 0/2\ninner 0/3\n\u001b[A\u001b[Aouter 2/2\ninner 3/3\n'
    expect(outputs(stream(nested))).toContain('```text\n  outer 2/2\n  inner 3/3\n  ```')
  })

  it('collapses progress lines printed again and again to the last state of each bar', () => {
    const validating = Array.from({ length: 10 }, () => 'Validating: 0it [00:00, ?it/s]\n').join('')
    const epochs = 'Epoch 0:   0%|          | 0/5 [00:00<?, ?it/s]\n' + validating + 'Epoch 0: 100%|██████████| 5/5 [00:02<00:00, 2.41it/s, loss=0.31]\n'
    const body = outputs(stream(`GPU available: True\n${epochs}Training done\nok\nok\n`, 'stderr'))
    expect(body).toContain(
      '```text\n  GPU available: True\n  Validating: 0it [00:00, ?it/s]\n  Epoch 0: 100%|██████████| 5/5 [00:02<00:00, 2.41it/s, loss=0.31]\n  Training done\n  ok\n  ok\n  ```',
    )
  })

  it('shows a note for a widget instead of its repr, once per cell', async () => {
    const widget = (repr: string) => ({ output_type: 'display_data', data: { 'application/vnd.jupyter.widget-view+json': { model_id: 'a1', version_major: 2, version_minor: 0 }, 'text/plain': repr }, metadata: {} })
    const body = outputs(widget('interactive(children=(IntSlider(value=5, max=10), Output()))'), widget('IntProgress(value=3, max=10)'))
    expect(body).not.toMatch(/IntSlider|IntProgress|interactive\(/)
    const page = await rendered(body)
    expect(page).toContain('<p class="cell-output-note">Interactive widget (not shown)</p>')
    expect(page.match(/Interactive widget/g)).toHaveLength(1)
  })

  it('drops reprs that only name a class, and a figure repr beside its picture', () => {
    const display = (data: Record<string, string>) => ({ output_type: 'display_data', data, metadata: {} })
    const body = convert(
      code([display({ 'text/html': '<div id="chart"></div>', 'text/plain': '<IPython.core.display.HTML object>' }), display({ 'application/javascript': 'alert(document.cookie)', 'text/plain': '<IPython.core.display.Javascript object>' }), stream('kept\n')]),
      code([display({ 'text/plain': '<Figure size 640x480 with 1 Axes>' }), display({ 'image/png': PNG, 'text/plain': '<Figure size 640x480 with 1 Axes>' })]),
      code([display({ 'text/plain': '<Figure size 640x480 with 0 Axes>' })]),
    )
    expect(body).not.toMatch(/IPython\.core|alert|document\.cookie|with 1 Axes/)
    expect(body).toContain('kept')
    expect(body).toMatch(/!\[Plot from cell 3\]\(\/nb\/cell-3-[0-9a-f]{10}\.png\)/)
    // With no picture in its cell, the figure repr is all there is to say.
    expect(body).toContain('<Figure size 640x480 with 0 Axes>')
  })

  it('shows the text of an HTML output that is not a table', () => {
    const body = outputs({ output_type: 'display_data', data: { 'text/html': '<div><b>Hello</b></div>', 'text/plain': 'Hello, plainly' }, metadata: {} })
    expect(body).toContain('Hello, plainly')
    expect(body).not.toContain('<b>')
  })
})

function hex(value: string): [number, number, number] {
  return [1, 3, 5].map((index) => linear(parseInt(value.slice(index, index + 2), 16) / 255)) as [number, number, number]
}

const linear = (channel: number) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4)
const gamma = (channel: number) => (channel <= 0.0031308 ? 12.92 * channel : 1.055 * channel ** (1 / 2.4) - 0.055)

/** Tailwind's oklch() as linear sRGB, clipped to the sRGB gamut. */
function oklch(value: string): [number, number, number] {
  const [lightness, chroma, hue] = value.split(/\s+/).map((part) => (part === 'none' ? 0 : parseFloat(part)))
  const L = lightness / 100
  const a = chroma * Math.cos((hue * Math.PI) / 180)
  const b = chroma * Math.sin((hue * Math.PI) / 180)
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3
  const rgb = [4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s, -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s, -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s]
  return rgb.map((channel) => Math.min(1, Math.max(0, channel))) as [number, number, number]
}

const mixSrgb = (first: number[], second: number[], share: number) =>
  first.map((channel, index) => linear(gamma(channel) * share + gamma(second[index]) * (1 - share))) as [number, number, number]

function contrast(foreground: number[], background: number[]): number {
  const luminance = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b
  const [high, low] = [luminance(foreground), luminance(background)].sort((x, y) => y - x)
  return (high + 0.05) / (low + 0.05)
}

describe('LaTeX outputs (IPython.display.Latex, SymPy)', () => {
  const latex = (value: string) => ({ output_type: 'display_data', data: { 'text/latex': value, 'text/plain': '<IPython.core.display.Latex object>' }, metadata: {} })

  it('typeset $…$ inside text, $$…$$ and a bare environment, as Jupyter does, never the repr', async () => {
    const page = await rendered(outputs(latex('$\\mathcal{N}(\\mu=2, \\sigma=1),\\ N=1000$'), latex('$$F(k) = \\int f(x)\\,dx$$'), latex('\\begin{align}\na & = b \\\\\nc & = d\n\\end{align}')))
    expect(page).not.toContain('IPython.core.display')
    expect(page.match(/class="katex"/g)?.length).toBe(3)
    expect(page.match(/class="katex-display"/g)?.length).toBe(2)
    expect(textOf(page)).toContain(',')
  })

  it('fall back to the text when the LaTeX has nothing Jupyter would typeset', () => {
    const body = outputs({ output_type: 'execute_result', execution_count: 1, data: { 'text/latex': '\\alpha', 'text/plain': 'alpha' }, metadata: {} })
    expect(body).toContain('alpha')
    expect(body).not.toContain('$')
  })
})

describe('Markdown outputs (IPython.display.Markdown)', () => {
  it('read $$ over several lines as one display equation, as Jupyter does', async () => {
    const markdown = { output_type: 'display_data', data: { 'text/markdown': 'Where\n$$\\sum_i x_i\n= \\text{total $T$}$$\nholds.', 'text/plain': '<IPython.core.display.Markdown object>' }, metadata: {} }
    const page = await rendered(outputs(markdown))
    expect(page.match(/class="katex-display"/g)?.length).toBe(1)
  })
})

describe('a hostile stream output', () => {
  it('moves the cursor no further than a terminal would, so a few bytes never make a huge page', () => {
    const started = performance.now()
    const lines = terminalLines(`${ESC}[31mx${ESC}[100000000Cy${ESC}[30000000Bz`)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(lines.length).toBe(1)
    expect(lineText(lines[0]).length).toBeLessThanOrEqual(502)
  })

  it('erases a long line many times in linear time', () => {
    const started = performance.now()
    const lines = terminalLines('a'.repeat(40_000) + `${ESC}[2K`.repeat(40_000) + `\rdone`)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(lines.map(lineText)).toEqual(['done'])
  })
})
