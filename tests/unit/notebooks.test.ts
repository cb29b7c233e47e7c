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
    expect(body).toContain('| 0 | 64 \\| x |')
    expect(body).not.toContain('color:red')
    expect(body).not.toContain('plot()')
    expect(body).not.toContain('secret()')
    expect(body).toMatch(/!\[Loss falls\]\(\/nb\/cell-4-[0-9a-f]{10}\.png\)/)
    expect(body).not.toMatch(/<script|<b>/)
    expect(assets).toHaveLength(1)
    expect(checkMdxPolicy(body)).toEqual([])
  })

  it('keeps the columns of tables with cells spanning rows and columns (pandas MultiIndex)', () => {
    const html =
      '<table><thead><tr><th></th><th colspan="2">time</th></tr><tr><th>method</th><th>n=64</th><th>n=128</th></tr></thead>' +
      '<tbody><tr><th rowspan="2">CPU</th><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody></table>'
    const { body } = convert(notebook([FRONT, code('df', [{ output_type: 'execute_result', data: { 'text/html': html } }])]))
    expect(body).toContain('| method | time / n=64 | n=128 |')
    expect(body).toContain('| CPU    | 1           | 2     |')
    expect(body).toContain('| CPU    | 3           | 4     |')
  })

  it('refuses malformed notebooks, naming the place', () => {
    expect(() => parseNotebook('{"nbformat": 4, "cells": [')).toThrow(NotebookError)
    expect(() => parseNotebook(notebook([{ cell_type: 'code', source: 1 }]))).toThrow(/^cell 1 \(source\)/)
    expect(() => convert(notebook([FRONT, code('x', [{ output_type: 'display_data', data: { 'image/png': 'bm90IGEgcG5n' } }])]))).toThrow(
      /cell 2: image\/png output does not hold a valid image\/png image/,
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
