import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx/mdx-components'
import { renderFeedHtml } from '@/lib/feed/render-html'
import { checkMdxPolicy } from '@/lib/mdx/policy'
import { compileNoteBody } from '@/lib/mdx/preview-compiler'
import { buildNotebookNotes } from '@/lib/notebooks/build'
import { convertForImport } from '@/lib/notebooks/import-conversion'
import { parseNotebook } from '@/lib/notebooks/notebook'
import { notebookToNote, type ConvertOptions } from '@/lib/notebooks/to-mdx'
import { extractHeadings } from '@/lib/notes/text'

const PNG = readFileSync(path.join(import.meta.dirname, '../fixtures/loss-curve.png'))
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>'

const dir = mkdtempSync(path.join(tmpdir(), 'notebook-markdown-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A notes folder as an author keeps it: notebooks, their figures, and a file outside it.
const notesDir = path.join(dir, 'content', 'notes')
mkdirSync(path.join(notesDir, 'images'), { recursive: true })
mkdirSync(path.join(notesDir, 'figures'))
writeFileSync(path.join(notesDir, 'images', 'fig.png'), PNG)
writeFileSync(path.join(notesDir, 'images', 'my fig.png'), PNG)
writeFileSync(path.join(notesDir, 'figures', 'diagram.svg'), SVG)
writeFileSync(path.join(notesDir, 'figures', 'graph.svg'), `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${SVG}`)
writeFileSync(path.join(notesDir, 'figures', 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
writeFileSync(path.join(notesDir, 'figures', 'notes.png'), 'plain text, not an image')
writeFileSync(path.join(dir, 'content', 'secret.png'), PNG)
symlinkSync(path.join(dir, 'content', 'secret.png'), path.join(notesDir, 'images', 'link-out.png'))

const notebook = (cells: unknown[]) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells })
const md = (source: string) => ({ cell_type: 'markdown', source, metadata: {} })
const FRONT = md('---\ntitle: "Naive Bayes"\nsummary: "s"\n---\nIntro.')

const NOTES = new Map([
  ['naive-bayes.ipynb', 'naive-bayes'],
  ['linear-regression.ipynb', 'linear-regression'],
  ['cuda.mdx', 'cuda'],
])
const convert = (cells: unknown[], options: Partial<ConvertOptions> = { folder: notesDir, notes: NOTES }) =>
  notebookToNote(parseNotebook(notebook([FRONT, ...cells])), { assetUrl: (asset) => `/nb/${asset.name}`, ...options })

/** The body as the note page renders it: the site's MDX pipeline and components. */
async function renderPage(body: string): Promise<string> {
  const [code] = await compileNoteBody({ source: body })
  return renderToStaticMarkup(createElement(getMDXComponent(code), { components: mdxComponents }))
}

const idsIn = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1])

describe('relative images in Markdown cells', () => {
  it('are read from the notebook folder, checked and stored with the plots', () => {
    const { body, assets } = convert([md('![Loss curve](images/fig.png)\n\n<img src="figures/diagram.svg" alt="Diagram">\n\n![](images/my%20fig.png)')])
    expect(assets.map((asset) => asset.ext)).toEqual(['png', 'svg', 'png'])
    expect(assets[0].bytes.equals(PNG)).toBe(true)
    expect(body).toContain(`![Loss curve](/nb/${assets[0].name})`)
    expect(body).toContain(`![Diagram](/nb/${assets[1].name})`)
    expect(assets[0].name).toMatch(/^cell-2-[0-9a-f]{10}\.png$/)
    expect(body).not.toMatch(/images\/|figures\//)
    expect(checkMdxPolicy(body)).toEqual([])
  })

  it('store an SVG written by graphviz without its DOCTYPE, as plots are stored', () => {
    const { assets } = convert([md('![Graph](figures/graph.svg)')])
    const stored = assets[0].bytes.toString('utf8')
    expect(stored).toContain('<svg xmlns="http://www.w3.org/2000/svg">')
    expect(stored).not.toContain('<!DOCTYPE')
  })

  it.each([
    ['a missing file', 'images/missing.png', /cell 2, line \d+: the image "images\/missing.png" is not there/],
    ['a file that is not an image', 'figures/notes.png', /cell 2, line \d+: the image "figures\/notes.png": That file is not a PNG, JPEG/],
    ['an SVG that can run a script', 'figures/evil.svg', /cell 2, line \d+: the image "figures\/evil.svg" contains a <script>/],
    ['a path out of the folder', '../secret.png', /cell 2, line \d+: the image "..\/secret.png" points outside the notebook's folder/],
    ['an encoded path out of the folder', '%2e%2e/secret.png', /points outside the notebook's folder/],
    ['an encoded path through a subfolder', 'images%2F..%2F..%2Fsecret.png', /points outside the notebook's folder/],
    ['an encoded absolute path', '%2Fetc%2Fpasswd', /points outside the notebook's folder/],
    ['a symlink out of the folder', 'images/link-out.png', /cell 2, line \d+: the image "images\/link-out.png" points outside/],
    ['a folder', 'images', /is not a file/],
    ['a NUL byte', 'images/fig.png%00.txt', /cell 2, line \d+: the image "images\/fig.png%00.txt" is not a valid path/],
  ])('refuse %s, naming the cell and the path', (_what, src, message) => {
    expect(() => convert([md(`![x](${src})`)])).toThrow(message)
    expect(() => convert([md(`<img src="${src}">`)])).toThrow(message)
  })

  it('are a problem naming the cell in the admin import, which has no folder', () => {
    expect(() => convertForImport(notebook([FRONT, md('Text.'), md('![Loss](images/fig.png)')]), 'naive-bayes')).toThrow(
      /^cell 3, line \d+: the image "images\/fig.png" is a file beside the notebook, which an upload does not include/,
    )
  })

  it('are written beside the plots by the build, and removed once no notebook uses them', () => {
    const content = path.join(dir, 'build-content')
    const publicDir = path.join(dir, 'build-public')
    mkdirSync(path.join(content, 'notes', 'images'), { recursive: true })
    writeFileSync(path.join(content, 'notes', 'images', 'fig.png'), PNG)
    const write = (source: string) => writeFileSync(path.join(content, 'notes', 'bayes.ipynb'), notebook([md('---\ntitle: "B"\nsummary: "s"\ndate: 2025-01-01\n---\n' + source)]))
    write('![Fig](images/fig.png)')
    buildNotebookNotes(content, publicDir).removeStaleFiles()
    const files = () => readdirSync(path.join(publicDir, 'notebooks', 'bayes')).sort()
    const [image] = files().filter((name) => name.endsWith('.png'))
    expect(readFileSync(path.join(publicDir, 'notebooks', 'bayes', image)).equals(PNG)).toBe(true)
    expect(readFileSync(path.join(content, '_generated', 'notebooks', 'bayes.mdx'), 'utf8')).toContain(`![Fig](/notebooks/bayes/${image})`)
    write('No figure any more.')
    buildNotebookNotes(content, publicDir).removeStaleFiles()
    expect(files()).toEqual(['bayes.ipynb'])
  })

  it('fail the build with the notebook, cell and path when missing', () => {
    const content = path.join(dir, 'missing-content')
    mkdirSync(path.join(content, 'notes'), { recursive: true })
    writeFileSync(path.join(content, 'notes', 'bayes.ipynb'), notebook([md('---\ntitle: "B"\nsummary: "s"\ndate: 2025-01-01\n---\n![Fig](images/gone.png)')]))
    const { built, problems } = buildNotebookNotes(content, path.join(dir, 'missing-public'))
    expect(built).toEqual([])
    expect(problems).toEqual([expect.stringMatching(/notes\/bayes\.ipynb: cell 1, line \d+: the image "images\/gone.png" is not there/)])
  })
})

describe('links to sibling notebooks and notes', () => {
  it('go to the note each became, with the anchor as the site writes it', () => {
    const { body } = convert([
      md('[Previous](linear-regression.ipynb) | [On CUDA](./cuda.mdx) | [Missing data](naive-bayes.ipynb#Dealing-with-missing-data)'),
      md('[Docs](https://scikit-learn.org/stable/) and [mail](mailto:me@example.com)'),
    ])
    expect(body).toContain('[Previous](/notes/linear-regression)')
    expect(body).toContain('[On CUDA](/notes/cuda)')
    expect(body).toContain('[Missing data](/notes/naive-bayes#dealing-with-missing-data)')
    expect(body).toContain('[Docs](https://scikit-learn.org/stable/) and [mail](mailto:me@example.com)')
  })

  it('are a problem naming the cell and link when no note comes from that file', () => {
    expect(() => convert([md('See [the index](Index.ipynb).')])).toThrow(/^cell 2, line \d+: the link to "Index.ipynb" names no published note/)
    expect(() => convert([md('<a href="05.05-Naive-Bayes.ipynb">next</a>')])).toThrow(/^cell 2, line \d+: the link to "05.05-Naive-Bayes.ipynb" names no published note/)
    expect(() => convert([md('[next](linear-regression.ipynb)')], { folder: notesDir })).toThrow(/^cell 2, line \d+: the link to "linear-regression.ipynb": an upload cannot tell/)
  })

  it('are checked by the build against the notes folder, drafts left out', () => {
    const content = path.join(dir, 'links-content')
    const notes = path.join(content, 'notes')
    mkdirSync(notes, { recursive: true })
    const front = (title: string, extra = '') => `---\ntitle: "${title}"\nsummary: "s"\ndate: 2025-01-01\n${extra}---\n`
    writeFileSync(path.join(notes, 'bayes.ipynb'), notebook([md(front('Bayes') + '[Next](regression.ipynb#Fitting-a-line) and [CUDA](cuda.mdx)')]))
    writeFileSync(path.join(notes, 'regression.ipynb'), notebook([md(front('Regression') + '## Fitting a line\n\nBack to [Bayes](bayes.ipynb).')]))
    writeFileSync(path.join(notes, 'cuda.mdx'), front('CUDA') + 'Body.')
    const built = buildNotebookNotes(content, path.join(dir, 'links-public'))
    expect(built.built).toEqual(['bayes', 'regression'])
    expect(readFileSync(path.join(content, '_generated', 'notebooks', 'bayes.mdx'), 'utf8')).toContain('[Next](/notes/regression#fitting-a-line) and [CUDA](/notes/cuda)')
    writeFileSync(path.join(notes, 'cuda.mdx'), front('CUDA', 'draft: true\n') + 'Body.')
    const again = buildNotebookNotes(content, path.join(dir, 'links-public'))
    expect(again.built).toEqual(['regression'])
    expect(again.problems).toEqual([expect.stringMatching(/notes\/bayes\.ipynb: cell 1, line \d+: the link to "cuda.mdx" names no published note/)])
  })
  it('find a renamed notebook by the slug form of the name the link gives', () => {
    const { body } = convert([
      md('[Bayes](Naive_Bayes.ipynb), [regression](Linear%20Regression.ipynb#Fitting-a-line), [CUDA](CUDA.mdx) and [dotted](./Naive.Bayes.ipynb)'),
    ])
    expect(body).toContain('[Bayes](/notes/naive-bayes), [regression](/notes/linear-regression#fitting-a-line), [CUDA](/notes/cuda) and [dotted](/notes/naive-bayes)')
  })

  it('name the slug they looked for when no note has it', () => {
    expect(() => convert([md('[next](05.05-Naive-Bayes.ipynb)')])).toThrow(
      'cell 2, line 1: the link to "05.05-Naive-Bayes.ipynb" names no published note: there is no 05.05-Naive-Bayes.ipynb beside the notebook that becomes one, nor a note with the slug "05-05-naive-bayes" (notes/05-05-naive-bayes.ipynb or .mdx)',
    )
  })

  it('reach renamed notebooks in the build, as SymPy.ipynb stored as sympy.ipynb', () => {
    const content = path.join(dir, 'renamed-content')
    const notes = path.join(content, 'notes')
    mkdirSync(notes, { recursive: true })
    const front = (title: string) => `---\ntitle: "${title}"\nsummary: "s"\ndate: 2025-01-01\n---\n`
    writeFileSync(path.join(notes, 'index-of-examples.ipynb'), notebook([md(front('Examples') + '* [SymPy](SymPy.ipynb)\n* [Rich output](Rich%20Output.ipynb)')]))
    writeFileSync(path.join(notes, 'sympy.ipynb'), notebook([md(front('SymPy') + 'Body.')]))
    writeFileSync(path.join(notes, 'rich-output.ipynb'), notebook([md(front('Rich output') + 'Body.')]))
    const built = buildNotebookNotes(content, path.join(dir, 'renamed-public'))
    expect(built.problems).toEqual([])
    const mdx = readFileSync(path.join(content, '_generated', 'notebooks', 'index-of-examples.mdx'), 'utf8')
    expect(mdx).toContain('[SymPy](/notes/sympy)')
    expect(mdx).toContain('[Rich output](/notes/rich-output)')
  })
})

describe('relative links to files that are neither notes nor images', () => {
  it('show their words without a link, and warn naming the cell and the target', async () => {
    const { body, warnings } = convert([
      md('More about the data [here](wind.desc).'),
      md('See [the *tests*](./tests), [the table][t] and [raw data](data.csv?raw=1).\n\n[t]: tables/t.csv'),
    ])
    expect(body).toContain('More about the data here.')
    expect(body).toContain('See the _tests_, the table and raw data.')
    expect(body).not.toMatch(/wind\.desc|tests\)|t\.csv|data\.csv/)
    expect(warnings).toEqual([
      'cell 2: the link to "wind.desc" is not a note or image, so it is shown as text',
      'cell 3: the link to "./tests" is not a note or image, so it is shown as text',
      'cell 3: the link to "data.csv?raw=1" is not a note or image, so it is shown as text',
      'cell 3: the link to "tables/t.csv" is not a note or image, so it is shown as text',
    ])
    expect(await renderPage(body)).not.toContain('<a')
  })

  it('leave in-page anchors, other sites, site paths and images beside the notebook working', () => {
    const { body, warnings, assets } = convert([md('## Part\n\n[up](#Part), [site](https://example.com/x.csv), [about](/about) and [the figure](images/fig.png)')])
    expect(body).toContain(`[up](#part), [site](https://example.com/x.csv), [about](/about) and [the figure](/nb/${assets[0].name})`)
    expect(assets[0].bytes.equals(PNG)).toBe(true)
    expect(warnings).toEqual([])
  })

  it('are build warnings, the note still built', () => {
    const content = path.join(dir, 'file-links-content')
    mkdirSync(path.join(content, 'notes'), { recursive: true })
    writeFileSync(path.join(content, 'notes', 'wind.ipynb'), notebook([md('---\ntitle: "Wind"\nsummary: "s"\ndate: 2025-01-01\n---\nSee [wind.desc](wind.desc).')]))
    const build = buildNotebookNotes(content, path.join(dir, 'file-links-public'))
    expect(build.built).toEqual(['wind'])
    expect(build.warnings).toEqual([expect.stringMatching(/notes\/wind\.ipynb: cell 1: the link to "wind.desc" is not a note or image, so it is shown as text$/)])
    expect(readFileSync(path.join(content, '_generated', 'notebooks', 'wind.mdx'), 'utf8')).toContain('See wind.desc.')
  })
})

describe('Jupyter-style heading anchors', () => {
  const cells = [
    md('## Dealing with missing data\n\nSee [below](#Step-2:-Fit-the-model), [the `fit` call](#The-fit-call) and [the start](#Dealing-with-missing-data).'),
    md('### Step 2: Fit the model\n\n<a id="fit-anchor"></a>Text, then [the anchor](#fit-anchor).'),
    md('### The `fit` call\n\nAlready in site form: [here](#dealing-with-missing-data).'),
  ]

  it('rewrites in-notebook links to the ids the site gives the headings', () => {
    const { body } = convert(cells)
    expect(body).toContain('[below](#step-2-fit-the-model), [the `fit` call](#the-fit-call) and [the start](#dealing-with-missing-data)')
    expect(body).toContain('[the anchor](#fit-anchor)')
    expect(body).toContain('[here](#dealing-with-missing-data)')
    expect(checkMdxPolicy(body)).toEqual([])
  })

  it('lands every link and every Jupyter-form URL on the rendered page, without touching "On this page" or feeds', async () => {
    const { body } = convert(cells)
    const html = await renderPage(body)
    const ids = idsIn(html)
    for (const [, target] of body.matchAll(/\]\(#([^)]+)\)/g)) expect(ids, target).toContain(target)
    // Links written for Jupyter (and URLs readers saved from it) still land.
    for (const jupyter of ['Dealing-with-missing-data', 'Step-2:-Fit-the-model', 'The-fit-call']) expect(ids).toContain(jupyter)
    expect(extractHeadings(body).map(({ id }) => id)).toEqual(['dealing-with-missing-data', 'step-2-fit-the-model', 'the-fit-call'])
    for (const { id } of extractHeadings(body)) expect(ids).toContain(id)
    const feed = await renderFeedHtml(body, 'https://example.com/notes/naive-bayes')
    expect(feed).not.toMatch(/<span|Dealing-with/)
  })

  it('make the Jupyter id from the heading\'s text, as Jupyter does for code, emphasis, links and math', async () => {
    const { body } = convert([
      md('### The main `Transform` features:\n\n### A *very* [linked](https://example.com) <code>html</code> heading\n\n### The $x$ axis'),
      md('See [features](#The-main-Transform-features:), [linked](#A-very-linked-html-heading) and [axis](#The-$x$-axis).'),
    ])
    expect(body).toContain('See [features](#the-main-transform-features), [linked](#a-very-linked-html-heading) and [axis](#the-x-axis).')
    const ids = idsIn(await renderPage(body))
    for (const id of ['The-main-Transform-features:', 'A-very-linked-html-heading', 'The-$x$-axis', 'the-x-axis']) expect(ids).toContain(id)
  })

  it('land a link that names a heading in another spelling of its id (fastcore: no trailing colon)', () => {
    const { body } = convert([md('### The main `Transform` features:'), md('See [the above section](#The-main-Transform-features).')])
    expect(body).toContain('[the above section](#the-main-transform-features)')
  })

  it('reports an in-notebook link to an anchor that names nothing', () => {
    expect(() => convert([md('## Intro\n\nSee [gone](#No-such-heading).'), md('And [case](#intro-x).')])).toThrow(
      'cell 2: the link to "#No-such-heading" names no heading or anchor in the notebook; cell 3: the link to "#intro-x" names no heading or anchor in the notebook',
    )
  })
})

describe('images from other sites', () => {
  it('become plain links, badges the link they sat in', () => {
    const { body } = convert([
      md('[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/x/y.ipynb)'),
      md('<a href="https://colab.research.google.com/github/x/y.ipynb" target="_parent"><img src="https://colab.research.google.com/assets/colab-badge.svg" alt="Open In Colab"/></a>'),
      md('![A chart](https://example.com/chart.png) and ![](//cdn.example.com/x.png)'),
    ])
    expect(body.match(/\[Open In Colab\]\(https:\/\/colab\.research\.google\.com\/github\/x\/y\.ipynb\)/g)).toHaveLength(2)
    expect(body).toContain('[A chart](https://example.com/chart.png) and [image](//cdn.example.com/x.png)')
    expect(body).not.toContain('![')
  })

  it('render as no <img> from another origin, in Markdown cells and in Markdown outputs', async () => {
    const output = { cell_type: 'code', source: 'show()', metadata: {}, execution_count: 1, outputs: [{ output_type: 'display_data', data: { 'text/markdown': '![Logo](https://example.com/logo.png)' } }] }
    const { body } = convert([md('![A chart](https://example.com/chart.png)'), output])
    const html = await renderPage(body)
    expect(html).not.toMatch(/<img[^>]*src="(https?:)?\/\//)
    expect(html).toContain('href="https://example.com/logo.png"')
  })
})

describe('notebook headings', () => {
  it('leave the title the only <h1>: a repeated title goes, the rest shift to start at <h2>', async () => {
    const { body } = convert([md('# Naive Bayes\n\nIntro.\n\n# Part one\n\n## Detail\n\n###### Deepest'), md('# Part two')])
    expect(body).not.toMatch(/^# /m)
    expect(body).not.toContain('Naive Bayes')
    expect(body).toMatch(/^## Part one$/m)
    expect(body).toMatch(/^### Detail$/m)
    expect(body).toMatch(/^###### Deepest$/m)
    expect(body).toMatch(/^## Part two$/m)
    expect(extractHeadings(body).map(({ level, text }) => `${level} ${text}`)).toEqual(['2 Part one', '3 Detail', '2 Part two'])
    const html = await renderPage(body)
    expect(html).not.toContain('<h1')
    // A link written for Jupyter to the title still lands, at the top.
    expect(idsIn(html)).toContain('Naive-Bayes')
  })

  it('keep both ids of a repeated title at the top, so links to it land', async () => {
    const { body } = convert([md('# Naive Bayes\n\nSee [the top](#naive-bayes) and [the top, as Jupyter writes it](#Naive-Bayes).')])
    expect(body).toContain('[the top](#naive-bayes) and [the top, as Jupyter writes it](#naive-bayes)')
    const ids = idsIn(await renderPage(body))
    expect(ids).toContain('naive-bayes')
    expect(ids).toContain('Naive-Bayes')
  })

  it('give a title repeated further down its id once', async () => {
    const { body } = convert([md('# Naive Bayes\n\n## Naive Bayes\n\n[again](#naive-bayes)')])
    const ids = idsIn(await renderPage(body))
    expect(ids.filter((id) => id === 'naive-bayes')).toHaveLength(1)
    expect(extractHeadings(body).map(({ id }) => id)).toEqual(['naive-bayes'])
  })

  it('start at <h2> when the notebook only uses smaller ones, and keep a first heading that is not the title', () => {
    const { body } = convert([md('### Setup\n\n#### Data')])
    expect(body).toMatch(/^## Setup$/m)
    expect(body).toMatch(/^### Data$/m)
  })

  it('appear in "On this page" when headings carry an <a id> anchor, each id once on the page', async () => {
    const { body } = convert([md('# <a id="setup"></a>Setup\n\n## <a id="sec-2"></a>Data\n\nSee [setup](#setup) and [data](#sec-2).')])
    expect(extractHeadings(body)).toEqual([
      { level: 2, text: 'Setup', id: 'setup' },
      { level: 3, text: 'Data', id: 'data' },
    ])
    const ids = idsIn(await renderPage(body))
    expect(ids.filter((id) => id === 'setup')).toHaveLength(1)
    expect(ids).toContain('sec-2')
  })
})

describe('what stays as it was', () => {
  it('keeps notes without any of this unchanged, and the notes folder untouched', () => {
    expect(convert([md('Plain text with a [link](https://example.com).')]).body).toBe('Intro.\n\nPlain text with a [link](https://example.com).\n')
    expect(existsSync(path.join(notesDir, 'images', 'fig.png'))).toBe(true)
  })
})

describe('hostile Markdown in a cell', () => {
  it('keeps only the words of javascript: and data: links, written as Markdown or as HTML', () => {
    const { body } = convert([md('[click](javascript:alert(1)) and [page](data:text/html,hi) and <a href="data:text/html,x">there</a>\n\n[ref]: javascript:alert(2)')])
    expect(body).not.toMatch(/javascript:|data:/)
    expect(body).toContain('click and page and there')
  })

  it('joins thousands of unclosed <a> tags in linear time', () => {
    const started = performance.now()
    convert([md('<a href="x">'.repeat(20_000))])
    expect(performance.now() - started).toBeLessThan(3000)
  })
})

describe('problems in one Markdown cell', () => {
  it('are all reported in one build, each at its line: a missing image does not hide a bad link or bad math', () => {
    expect(() => convert([md('Intro\n\n![](images/missing.png)\n\n[x](no-such-notebook.ipynb#Top)\n\n$\\frac{$')])).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringMatching(/^cell 2, line 3: the image "images\/missing.png" is not there/),
          expect.stringMatching(/^cell 2, line 5: the link to "no-such-notebook.ipynb#Top" names no published note/),
          expect.stringMatching(/^cell 2, line 7: KaTeX/),
        ],
      }),
    )
  })
})
