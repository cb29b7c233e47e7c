import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Root } from 'mdast'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'

import { resolveEquations } from '@/lib/mdx/equations.mjs'
import { parseKatexMacros } from '@/lib/mdx/katex-options.mjs'
import { checkMdxPolicy } from '@/lib/mdx/policy'

// Nodes made by resolveEquations are looked at loosely: the test reads their shape, not types.
/* eslint-disable @typescript-eslint/no-explicit-any */

function resolve(source: string) {
  const tree = unified().use(remarkParse).use(remarkMath).parse(source) as Root
  const problems = resolveEquations(tree, source)
  return { tree, problems: problems.map((p) => `${p.node.position?.start.line}: ${p.message}`) }
}

describe('numbered equations and references', () => {
  it('numbers labelled display equations in order and links references to them', () => {
    const { tree, problems } = resolve('$$\na \\label{first}\n$$\n\n$$ b $$\n\n$$c \\label{eq:second}$$\n\nSee $\\eqref{eq:second}$ and $\\ref{first}$.')
    expect(problems).toEqual([])
    const [first, unlabelled, second, paragraph] = tree.children as any[]
    expect(first).toMatchObject({ type: 'equation', data: { hProperties: { id: 'eq-first' } } })
    expect(first.children[0].value).toBe('a \\tag{1}')
    expect(unlabelled.type).toBe('math')
    expect(second.children[0].value).toBe('c \\tag{2}')
    const links = paragraph.children.filter((node: any) => node.type === 'link')
    expect(links.map((link: any) => [link.url, link.children[0].value])).toEqual([
      ['#eq-second', '(2)'],
      ['#eq-first', '1'],
    ])
  })

  it('keeps an author’s own \\tag and resolves references inside formulas', () => {
    const { tree, problems } = resolve('$$\nx \\tag{A} \\label{x}\n$$\n\n$$\ny = \\eqref{x}\n$$')
    expect(problems).toEqual([])
    expect((tree.children[1] as any).value).toBe('y = \\text{(A)}')
  })

  it('names what cannot be resolved, with its line', () => {
    expect(resolve('$$\na \\label{a}\n$$\n\n$$\nb \\label{a}\n$$\n\nSee $\\eqref{nope}$.').problems).toEqual([
      '5: \\label{a} is used by two equations; give each its own name.',
      '9: \\eqref{nope}: no equation in this note has \\label{nope}.',
    ])
  })

  it('the editor’s policy check reports them too, and accepts resolved ones', () => {
    expect(checkMdxPolicy('$$\na \\label{a}\n$$\n\nSee $\\eqref{a}$.')).toEqual([])
    expect(checkMdxPolicy('See $\\eqref{missing}$.')[0].message).toMatch(/no equation in this note has \\label\{missing\}/)
  })
})

describe('the KaTeX macro file', () => {
  it('accepts macros and names the file and entry at fault', () => {
    expect(parseKatexMacros('{"\\\\R": "\\\\mathbb{R}"}', 'm.json')).toEqual({ '\\R': '\\mathbb{R}' })
    expect(() => parseKatexMacros('{"R": "x"}', 'content/katex-macros.json')).toThrow(/content\/katex-macros.json: macro name "R"/)
    expect(() => parseKatexMacros('{"\\\\R": 1}', 'm.json')).toThrow(/m.json: macro "\\R" must be a string/)
    expect(() => parseKatexMacros('{', 'm.json')).toThrow(/m.json: not valid JSON/)
  })

  it('the project’s macros are used by the policy check (\\R is defined in content/katex-macros.json)', () => {
    expect(checkMdxPolicy('$x \\in \\R^n$')).toEqual([])
    expect(checkMdxPolicy('$x \\in \\Rnope$')[0].message).toMatch(/Undefined control sequence: \\Rnope/)
  })

  it('a broken macro file is a message in the editor, not a crash', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'macros-'))
    writeFileSync(path.join(dir, 'katex-macros.json'), '{\n  "\\\\R": "\\\\mathbb{R}",\n}\n')
    const before = process.env.CONTENT_DIR
    process.env.CONTENT_DIR = dir
    try {
      const [problem] = checkMdxPolicy('Text.\n\nThen $x$.')
      expect(problem).toMatchObject({ line: 3 })
      expect(problem.message).toMatch(/^Math macros: .*katex-macros.json: not valid JSON at line 3, column 1/)
    } finally {
      if (before === undefined) delete process.env.CONTENT_DIR
      else process.env.CONTENT_DIR = before
    }
  })
})
