// Math in notebook Markdown as Jupyter's MathJax shows it: `$$` written on the lines of the math,
// and the environments KaTeX lacks (eqnarray, multline, flalign), rendered by the real KaTeX.
import katex from 'katex'
import rehypeKatex from 'rehype-katex'
import rehypeStringify from 'rehype-stringify'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { rehypeFailOnMathErrors, remarkEquations } from '@/lib/mdx/equations.mjs'
import { katexOptions } from '@/lib/mdx/katex-options.mjs'
import { checkMdxPolicy } from '@/lib/mdx/policy'
import { NotebookError, parseNotebook } from '@/lib/notebooks/notebook'
import { notebookToNote } from '@/lib/notebooks/to-mdx'

const notebook = (cells: unknown[]) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells })
const md = (source: string) => ({ cell_type: 'markdown', source, metadata: {} })
const FRONT = md('---\ntitle: "A notebook"\nsummary: "s"\ndate: 2024-05-01\n---\nIntro.')

const convert = (...cells: string[]) => notebookToNote(parseNotebook(notebook([FRONT, ...cells.map(md)])), { assetUrl: () => '/nb/x.png' })
function problemsOf(...cells: string[]): string[] {
  try {
    convert(...cells)
    return []
  } catch (error) {
    if (error instanceof NotebookError) return error.problems
    throw error
  }
}

/** The note's body as the site renders it: labels numbered, then KaTeX in strict mode, failing on any error. */
async function rendered(body: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkEquations)
    .use(remarkRehype)
    .use(rehypeKatex, katexOptions)
    .use(rehypeFailOnMathErrors)
    .use(rehypeStringify)
    .process(body)
  return String(file)
}

const displayCount = (html: string) => html.match(/class="katex-display"/g)?.length ?? 0

// Jupyter's own showcase (notebook docs, typesetting-equations.ipynb, cell 7).
const ROGERS_RAMANUJAN = [
  '$$\\begin{equation*}',
  '1 + \\frac{q^2}{(1-q)}+\\frac{q^6}{(1-q)(1-q^2)}+\\cdots =',
  '\\prod_{j=0}^{\\infty}\\frac{1}{(1-q^{5j+2})(1-q^{5j+3})},',
  '\\quad\\quad \\text{for $|q|<1$}. ',
  '\\end{equation*}$$',
].join('\n')

describe('display math with $$ on the lines of the math, as Jupyter reads it', () => {
  it('is one display equation, $ inside \\text{} and all', async () => {
    const { body } = convert(`### Display\n\n${ROGERS_RAMANUJAN}`)
    expect(body).toContain(`$$\n${ROGERS_RAMANUJAN.slice(2, -2)}\n$$`)
    const html = await rendered(body)
    expect(displayCount(html)).toBe(1)
    expect(html).toContain('for ')
    expect(checkMdxPolicy(body)).toEqual([])
  })

  it('leaves the same source shown in a code block, a code span and escaped dollars as written', async () => {
    const shown = ['```', ROGERS_RAMANUJAN, '```'].join('\n')
    const { body } = convert(`${shown}\n\nType \`$$x\ny$$\` or \\$$5 and\n6\\$$ for money.`)
    expect(body).toContain(shown)
    const html = await rendered(body)
    expect(html).not.toContain('katex')
    expect(html).toContain('Type <code>$$x y$$</code> or $$5 and\n6$$ for money.')
  })

  it('leaves an indented code block as written', async () => {
    const { body } = convert('Code:\n\n    $$a\n    b$$\n\nAfter.')
    const html = await rendered(body)
    expect(html).toContain('<pre><code>$$a\nb$$\n</code></pre>')
    expect(html).not.toContain('katex')
  })

  it('works in a list item and mid-paragraph, text before and after kept', async () => {
    const { body } = convert('- item $$a +\n  b$$ and on\n- next', 'So $$x =\ny$$.')
    expect(body).toContain('- item\n  $$\n  a +\n  b\n  $$\n  and on\n- next')
    expect(body).toContain('So\n\n$$\nx =\ny\n$$\n\n.')
    expect(displayCount(await rendered(body))).toBe(2)
  })

  it('does not run over a blank line (Jupyter does not)', async () => {
    const html = await rendered(convert('Costs $$5.\n\nAnd $$x$$ here.').body)
    expect(html).toContain('<p>Costs $$5.</p>')
    expect(html.match(/class="katex"/g)).toHaveLength(1)
  })

  it('names the line the author wrote, for the equation and for the lines after it', () => {
    expect(problemsOf(`Intro\n\n$$\\begin{equation*}\n\\frac{1}{\n\\end{equation*}$$\n\nThen $\\nosuchcommand$.`)).toEqual([
      expect.stringMatching(/^cell 2, line 3: KaTeX: /),
      expect.stringMatching(/^cell 2, line 7: KaTeX: .*\\nosuchcommand/),
    ])
  })

  it('numbers a labelled equation and resolves its \\eqref', async () => {
    const { body } = convert('$$a = b \\label{ab}\n+ c$$\n\nBy $\\eqref{ab}$.')
    const html = await rendered(body)
    expect(html).toContain('id="eq-ab"')
    expect(html).toContain('<a href="#eq-ab" class="equation-ref">(1)</a>')
  })
})

// Jupyter's own showcase again (cell 11): more cells in a row than eqnarray's three.
const EQNARRAY = "\\begin{eqnarray} \nx' &=& &x \\sin\\phi &+& z \\cos\\phi \\\\\nz' &=& - &x \\cos\\phi &+& z \\sin\\phi \\\\\n\\end{eqnarray}"

describe('environments KaTeX lacks', () => {
  it.each([
    ['eqnarray, with as many columns as its widest row', `$$${EQNARRAY}$$`, '\\begin{darray}{rcllll}', '\\end{darray}'],
    ['eqnarray* inline, made display', '$\\begin{eqnarray*}a &=& \\begin{pmatrix}1 & 2\\end{pmatrix}\\end{eqnarray*}$', '\\begin{darray}{rcl}', '\\end{darray}'],
    ['multline, one number for all its rows', '$$\n\\begin{multline}a + b \\\\ + c\\end{multline}\n$$', '\\begin{equation}\\begin{gathered}', '\\end{gathered}\\end{equation}'],
    ['multline*', '$$\n\\begin{multline*}a + b \\\\ + c\\end{multline*}\n$$', '\\begin{gather*}', '\\end{gather*}'],
    ['flalign', '$$\n\\begin{flalign}a &= b\\end{flalign}\n$$', '\\begin{align}', '\\end{align}'],
    ['flalign*', '$$\n\\begin{flalign*}a &= b\\end{flalign*}\n$$', '\\begin{align*}', '\\end{align*}'],
  ])('writes %s as KaTeX renders it', async (_what, source, begin, end) => {
    const { body, warnings } = convert(source)
    expect(body).toContain(begin)
    expect(body).toContain(end)
    expect(warnings).toEqual([])
    expect(displayCount(await rendered(body))).toBe(1)
    const tex = body.slice(body.indexOf('$$\n') + 3, body.lastIndexOf('\n$$'))
    expect(() => katex.renderToString(tex, { ...katexOptions, displayMode: true, throwOnError: true })).not.toThrow()
  })

  it('numbers a labelled eqnarray and resolves its \\eqref', async () => {
    const html = await rendered(convert('$$\\begin{eqnarray}a &=& b \\label{first}\\end{eqnarray}$$\n\nSee $\\eqref{first}$.').body)
    expect(html).toContain('id="eq-first"')
    expect(html).toContain('>(1)</a>')
  })

  it('still refuses what KaTeX cannot render, naming cell and line', () => {
    expect(problemsOf('Intro\n\n$$\\begin{eqnarray}a &=& b\n$$', 'Fine.\n$$\n\\begin{dmath}x\\end{dmath}\n$$')).toEqual([
      expect.stringMatching(/^cell 2, line 3: KaTeX: .*No such environment: eqnarray/),
      expect.stringMatching(/^cell 3, line 2: KaTeX: .*No such environment: dmath/),
    ])
  })
})
