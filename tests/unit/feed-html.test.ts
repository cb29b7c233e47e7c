import { describe, expect, it } from 'vitest'
import { renderFeedHtml } from '@/lib/feed/render-html'
import { xmlSafe } from '@/lib/feed/xml-text'

const NOTE_URL = 'https://notes.example/notes/cuda'

describe('renderFeedHtml', () => {
  it('renders math as MathML with no KaTeX styling', async () => {
    const html = await renderFeedHtml('Inline $e^{x}$ and\n\n$$\n\\sum_i x_i\n$$\n', NOTE_URL)
    expect(html).toContain('<math')
    expect(html).toContain('<mi>e</mi>')
    expect(html).toContain('display="block"')
    expect(html).not.toContain('katex-html')
    expect(html).not.toContain('style=')
  })

  it('renders code as plain <pre><code> with its language, and escapes it', async () => {
    const html = await renderFeedHtml('```python\nif a < b and c > d: print("x & y")\n```\n', NOTE_URL)
    expect(html).toBe('<pre><code class="language-python">if a &#x3C; b and c > d: print("x &#x26; y")\n</code></pre>')
  })

  it('makes links and images absolute against the note URL', async () => {
    const html = await renderFeedHtml('[the list](/notes) and [a part](./other) ![chart](/notes/cuda/chart.png)', NOTE_URL)
    expect(html).toContain('href="https://notes.example/notes"')
    expect(html).toContain('href="https://notes.example/notes/other"')
    expect(html).toContain('src="https://notes.example/notes/cuda/chart.png"')
  })

  it('turns note components into plain HTML figures and lists', async () => {
    const source = [
      '<Figure caption="Serial vs parallel">',
      '  <SerialVsParallel tasks={4} />',
      '</Figure>',
      '',
      '<LayerFlow caption="The stack">',
      '  <Layer kind="Hardware" name="GPU" />',
      '  <Layer kind="Software" name="CUDA" />',
      '</LayerFlow>',
    ].join('\n')
    const html = await renderFeedHtml(source, NOTE_URL)
    expect(html).toContain('tasks 1 to 4 one after another')
    expect(html).toContain('<figcaption>Serial vs parallel</figcaption>')
    expect(html).toMatch(/<ol>\s*<li><strong>GPU<\/strong> \(Hardware\)<\/li>\s*<li><strong>CUDA<\/strong> \(Software\)<\/li>\s*<\/ol>/)
    expect(html).not.toContain('<svg')
  })

  it('never emits scripts, styles, event handlers, javascript: links or MDX expressions', async () => {
    const source = [
      'export const secret = 1',
      '',
      '<script>alert(1)</script>',
      '',
      '<Figure caption="x" src="javascript:alert(1)" />',
      '<a href="java&#x09;script:alert(1)">tab</a> <a href="vbscript:msgbox(1)">vb</a>',
      '',
      'Value: {process.env.AUTH_SECRET}',
    ].join('\n')
    const html = await renderFeedHtml(source, NOTE_URL)
    expect(html).not.toMatch(/<script|alert\(1\)<|javascript:|java\tscript|vbscript|AUTH_SECRET|secret = 1/)
    expect(html).toContain('Value:')
  })

  it('keeps task-list state as text', async () => {
    const html = await renderFeedHtml('- [x] done\n- [ ] todo\n', NOTE_URL)
    expect(html).toContain('☑ done')
    expect(html).toContain('☐ todo')
    expect(html).not.toContain('<input')
  })
})

describe('xmlSafe', () => {
  it('drops characters XML forbids and keeps everything else', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\tg\nh 😀 Ωμέγα 日本')).toBe('abcdef\tg\nh 😀 Ωμέγα 日本')
  })
})
