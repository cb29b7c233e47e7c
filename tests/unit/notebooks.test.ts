import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkMdxPolicy } from '@/lib/mdx/policy'
import { NotebookError, parseNotebook } from '@/lib/notebooks/notebook'
import { notebookToNote } from '@/lib/notebooks/to-mdx'

const PNG = readFileSync(path.join(import.meta.dirname, '../fixtures/loss-curve.png')).toString('base64')

const notebook = (cells: unknown[], metadata: unknown = {}) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells })
const md = (source: string, metadata = {}) => ({ cell_type: 'markdown', source, metadata })
const code = (source: string, outputs: unknown[] = [], metadata = {}) => ({ cell_type: 'code', source, metadata, execution_count: 1, outputs })
const FRONT = md('---\ntitle: "A notebook"\nsummary: "s"\n---\nIntro with $x^2$.')

const convert = (text: string) => notebookToNote(parseNotebook(text), { assetUrl: (asset) => `/nb/${asset.name}` })

describe('notebooks as notes', () => {
  it('takes the fields from front matter in the first cell, or from metadata.note', () => {
    expect(convert(notebook([FRONT])).fields).toEqual({ title: 'A notebook', summary: 's' })
    expect(convert(notebook([md('Hello')], { note: { title: 'From metadata' } })).fields).toEqual({ title: 'From metadata' })
    expect(() => convert(notebook([md('Hello')]))).toThrow(/no front matter/)
  })

  it('turns cells and outputs into MDX the editor policy accepts', () => {
    const { body, assets } = convert(
      notebook([
        FRONT,
        code('import torch\nprint(torch.cuda.is_available())', [
          { output_type: 'stream', name: 'stdout', text: ['False', '\n'] },
          { output_type: 'stream', name: 'stdout', text: 'done\n' },
        ]),
        code('df', [
          {
            output_type: 'execute_result',
            data: {
              'text/html': '<style>td{color:red}</style><table><thead><tr><th></th><th>n</th></tr></thead><tbody><tr><th>0</th><td>64 | x</td></tr></tbody></table>',
              'text/plain': 'plain',
            },
          },
        ]),
        code('plot()', [{ output_type: 'display_data', data: { 'image/png': PNG, 'text/plain': '<Figure>' } }], { alt: 'Loss falls', tags: ['hide-input'] }),
        code('secret()', [], { tags: ['remove-cell'] }),
        md('Raw <b>bold</b> HTML, {braces} and <script>alert(1)</script> stay text.'),
      ]),
    )
    expect(body).toContain('```python\nimport torch\nprint(torch.cuda.is_available())\n```')
    expect(body).toContain('False\n  done')
    expect(body).toContain('<tr><th className="num">0</th><td>64 | x</td></tr>')
    expect(body).not.toContain('color:red')
    expect(body).not.toContain('plot()')
    expect(body).not.toContain('secret()')
    expect(body).toMatch(/!\[Loss falls\]\(\/nb\/cell-4-[0-9a-f]{10}\.png\)/)
    expect(body).not.toMatch(/<script|<b>/)
    expect(assets).toHaveLength(1)
    expect(checkMdxPolicy(body)).toEqual([])
  })

  it('reduces raw HTML in Markdown cells to text, breaks, links and safe images, in order', () => {
    const { body } = convert(
      notebook([
        FRONT,
        md('<div align="center"><b>First</b><br><img src="https://example.com/a.png" alt="A chart"> then <img src="/notes/x/fig.png" onerror=alert(1) alt="site figure"> <img src="javascript:alert(2)" alt="no script"></div>\n\n<script>alert(1)</script>\n\nAfter.'),
      ]),
    )
    // Another site's image would be blocked by the site's CSP: a link to it instead (notebook-markdown.test.ts).
    expect(body).toContain('First\\\n[A chart](https://example.com/a.png) then ![site figure](/notes/x/fig.png) no script')
    expect(body).not.toMatch(/onerror|alert/)
    expect(checkMdxPolicy(body)).toEqual([])
  })

  it('renders Markdown and LaTeX outputs, checking their math', () => {
    const output = (data: Record<string, string>) => notebook([FRONT, code('show()', [{ output_type: 'display_data', data }])])
    expect(convert(output({ 'text/markdown': '**Loss** is $x^2$', 'text/plain': 'plain' })).body).toContain('**Loss** is $x^2$')
    expect(convert(output({ 'text/latex': '$$\\frac{a}{b}$$', 'text/plain': 'plain' })).body).toContain('$$\n  \\frac{a}{b}\n  $$')
    expect(() => convert(output({ 'text/latex': '$$\\frac{a}{$$' }))).toThrow(/^cell 2, line \d+: KaTeX/)
  })

  it('keeps the columns of tables with cells spanning rows and columns (pandas MultiIndex)', () => {
    const html =
      '<table><thead><tr><th></th><th colspan="2">time</th></tr><tr><th>method</th><th>n=64</th><th>n=128</th></tr></thead>' +
      '<tbody><tr><th rowspan="2">CPU</th><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody></table>'
    const { body } = convert(notebook([FRONT, code('df', [{ output_type: 'execute_result', data: { 'text/html': html } }])]))
    // One header row each, the group label spanning its columns, the index cell spanning its rows.
    expect(body).toContain('<tr><th></th><th colSpan="2">time</th></tr>')
    expect(body).toContain('<tr><th>method</th><th>n=64</th><th>n=128</th></tr>')
    expect(body).toContain('<tr><th rowSpan="2">CPU</th><td className="num">1</td><td className="num">2</td></tr>')
    expect(body).toContain('<tr><td className="num">3</td><td className="num">4</td></tr>')
    expect(checkMdxPolicy(body)).toEqual([])
  })

  it('refuses malformed notebooks, naming the place', () => {
    expect(() => parseNotebook('{"nbformat": 4, "cells": [')).toThrow(NotebookError)
    expect(() => parseNotebook(notebook([{ cell_type: 'code', source: 1 }]))).toThrow(/^cell 1 \(source\)/)
    expect(() => convert(notebook([FRONT, code('x', [{ output_type: 'display_data', data: { 'image/png': 'bm90IGEgcG5n' } }])]))).toThrow(
      /cell 2: image\/png output: That file is not a PNG, JPEG, GIF, WebP or AVIF image/,
    )
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    expect(() => convert(notebook([FRONT, code('x', [{ output_type: 'display_data', data: { 'image/svg+xml': svg } }])]))).toThrow(/contains a <script>/)
  })

  it('reports bad LaTeX and unknown references with cell and line', () => {
    expect(() => convert(notebook([FRONT, md('Fine.\n\nBroken $\\frac{1}{$ here.')]))).toThrow(/^cell 2, line 3: KaTeX: KaTeX parse error/)
    // The first cell's line counts the front matter above it.
    expect(() => convert(notebook([md('---\ntitle: t\n---\nSee $\\eqref{gone}$.')]))).toThrow(/^cell 1, line 4: \\eqref\{gone\}/)
  })
})

describe('SVG plots', () => {
  const svgOutput = (svg: string) => notebook([FRONT, code('x', [{ output_type: 'display_data', data: { 'image/svg+xml': svg } }])])
  const ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'

  it('keeps a plot that only draws (glyph references and embedded rasters included)', () => {
    const svg = `<svg ${ns}><defs><path id="g1" d="M0 0"/></defs><use xlink:href="#g1"/><image xlink:href="data:image/png;base64,iVBORw0KGgo="/><text>&#8722;1</text></svg>`
    expect(convert(svgOutput(svg)).assets[0].ext).toBe('svg')
  })

  it.each([
    ['a prefixed script', `<svg ${ns} xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>`],
    ['an entity-encoded javascript: link', `<svg ${ns}><a href="&#106;avascript:alert(2)"><rect/></a></svg>`],
    ['a split javascript: link', `<svg ${ns}><a href="java&#x0A;script:alert(2)"><rect/></a></svg>`],
    ['an event handler', `<svg ${ns} onload="alert(1)"></svg>`],
    ['a link to another site', `<svg ${ns}><image href="https://example.com/x.png"/></svg>`],
    ['a relative link', `<svg ${ns}><use xlink:href="other.svg#a"/></svg>`],
    ['an animated href', `<svg ${ns}><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>`],
    ['foreignObject', `<svg ${ns}><foreignObject><div/></foreignObject></svg>`],
    ['an entity declaration', `<!DOCTYPE svg [<!ENTITY x "y">]><svg ${ns}></svg>`],
  ])('refuses %s', (_what, svg) => {
    expect(() => convert(svgOutput(svg))).toThrow(/cell 2: image\/svg\+xml output (contains|links outside)/)
  })
})
