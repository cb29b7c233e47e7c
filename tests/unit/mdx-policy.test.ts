import { describe, expect, it } from 'vitest'
import { noteComponents } from '@/components/mdx/mdx-components'
import { NOTE_COMPONENT_NAMES } from '@/lib/mdx/note-components'
import { checkMdxPolicy } from '@/lib/mdx/policy'

const messages = (source: string) => checkMdxPolicy(source).map((p) => `${p.line}:${p.column} ${p.message}`)

describe('checkMdxPolicy', () => {
  it('accepts Markdown, math, code and the note components with literal props', () => {
    const source = [
      '## Softmax',
      '',
      'Inline $e^x$ and a [link](/notes/cuda). <sup>1</sup>',
      '',
      '$$',
      '\\sum_i x_i',
      '$$',
      '',
      '```python',
      'print({"a": 1})',
      '```',
      '',
      '<Figure caption="Serial vs parallel">',
      '  <SerialVsParallel tasks={4} />',
      '</Figure>',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
    ].join('\n')
    expect(checkMdxPolicy(source)).toEqual([])
  })

  it('refuses import/export and expressions, with line and column', () => {
    expect(messages('export const x = 1\n\nText {process.env.AUTH_SECRET} here.')).toEqual([
      '1:1 import and export are not allowed in notes.',
      '3:6 JavaScript expressions in {braces} are not allowed. To show braces, write \\{ and \\}.',
    ])
    expect(messages("import fs from 'node:fs'")).toEqual(['1:1 import and export are not allowed in notes.'])
    expect(messages("{process.getBuiltinModule('child_process').execSync('id')}")[0]).toMatch(/^1:1 JavaScript expressions/)
  })

  it('refuses elements that run or embed, unknown components, handlers and non-literal props', () => {
    const problems = messages(
      [
        '<script>alert(1)</script>',
        '',
        '<iframe srcDoc="<script>alert(1)</script>" />',
        '',
        '<style>{"body{display:none}"}</style>',
        '',
        '<img src="x" onError="alert(1)" />',
        '',
        '<Figure caption={secret} />',
        '',
        '<Unknown />',
        '',
        '<a href="javascript:alert(1)">x</a>',
        '',
        '<div {...props} />',
        '',
        '<span dangerouslySetInnerHTML={{ __html: "<b>" }} />',
      ].join('\n'),
    )
    expect(problems).toEqual([
      expect.stringMatching(/^1:1 <script> is not allowed/),
      expect.stringMatching(/^3:1 <iframe> is not allowed/),
      expect.stringMatching(/^5:1 <style> is not allowed/),
      expect.stringMatching(/^5:8 JavaScript expressions/),
      expect.stringMatching(/^7:\d+ The attribute "onError" is not allowed on <img>/),
      expect.stringMatching(/^9:1 The prop caption=\{…\} on <Figure> must be a literal/),
      expect.stringMatching(/^11:1 <Unknown> is not allowed\. Components you can use: Figure, SerialVsParallel, LayerFlow, Layer/),
      expect.stringMatching(/^13:1 The href of <a> may not be a javascript:/),
      expect.stringMatching(/^15:1 <div> has a spread or expression attribute/),
      expect.stringMatching(/^17:\d+ The attribute "dangerouslySetInnerHTML" is not allowed/),
    ])
  })

  it('refuses script URLs in Markdown links and images', () => {
    expect(messages('[click](javascript:alert(1)) and ![x](data:text/html,hi)')).toEqual([
      '1:1 Links and images may not use javascript:, vbscript: or data: URLs.',
      '1:34 Links and images may not use javascript:, vbscript: or data: URLs.',
    ])
  })

  it('reads a URL as a browser does before checking its scheme: references, tabs, newlines, controls', () => {
    const hidden = [
      'java&#x09;script:alert(1)',
      'java&#9;script:alert(1)',
      'java&Tab;script:alert(1)',
      'java&NewLine;script:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      '\u0001 JaVaScRiPt:alert(1)',
      'vb&#x0A;script:msgbox(1)',
      'da&#x0D;ta:text/html,hi',
    ]
    for (const url of hidden) {
      expect(messages(`<a href="${url}">d</a>`), url).toEqual([expect.stringMatching(/^1:1 The href of <a> may not be a javascript:/)])
      expect(messages(`<Figure caption="c" src="${url}" alt="a" />`), url).toHaveLength(1)
    }
    expect(messages('[d](java&#x09;script:alert(1))')).toEqual(['1:1 Links and images may not use javascript:, vbscript: or data: URLs.'])
    // Ordinary links keep working, including ones whose path mentions a scheme.
    expect(messages('<a href="https://example.com/javascript:guide">d</a> [e](/notes/data:x) [f](#javascript)')).toEqual([])
  })

  it('reports a syntax error at its position instead of throwing', () => {
    const [problem] = checkMdxPolicy('Fine line\n\n<Figure caption="x">\n')
    expect(problem.line).toBeGreaterThanOrEqual(3)
    expect(problem.message).toMatch(/^MDX syntax error: /)
  })

  it('allows exactly the components the renderer knows', () => {
    expect(new Set(Object.keys(noteComponents))).toEqual(NOTE_COMPONENT_NAMES)
  })

  it('refuses a body that starts with front matter (gray-matter evaluates ---js)', () => {
    expect(messages('---js\n{ title: process.exit() }\n---\nHi')).toEqual([
      expect.stringMatching(/^1:1 The body may not start with ---/),
    ])
    expect(messages('Text\n\n---\n\nA rule below text is fine')).toEqual([])
  })

  it('reports LaTeX that KaTeX cannot render, where it is', () => {
    const problems = messages('Fine $x^2$.\n\nBroken $\\frac{1}{$ here.\n\n$$\n\\unknownmacro{x}\n$$')
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^3:8 Math: KaTeX parse error/)
    expect(problems[1]).toMatch(/^5:1 Math: KaTeX parse error: Undefined control sequence: \\unknownmacro/)
  })
})

describe('checkMdxPolicy messages', () => {
  it('tells the author how to write a prose line that starts with "export"', () => {
    expect(messages('Intro.\n\nexport is a word here.')).toEqual([expect.stringMatching(/read as code: start it with another word\.$/)])
  })

  it('names a handler attribute even when its tag does not parse, and says the mistake in plain words', () => {
    expect(checkMdxPolicy('Text.\n\n<img src=x onError={alert(document.cookie)} />')).toEqual([
      { line: 3, column: 12, message: 'The attribute "onError" is not allowed: a note cannot run code.' },
      { line: 3, column: 10, message: 'MDX syntax error: An attribute’s value must be in quotes: write name="value".' },
    ])
    expect(messages('<Figure caption="x">\n\nText.')).toEqual(['1:1 MDX syntax error: <Figure> is not closed: end it with </Figure>, or write <Figure … />.'])
    expect(messages('The set { x')).toEqual([expect.stringContaining('write \\{ and \\} for literal braces')])
  })
})
