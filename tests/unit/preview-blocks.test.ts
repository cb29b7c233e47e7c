import { Worker } from 'node:worker_threads'
import path from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx/mdx-components'
import { splitIntoBlocks } from '@/lib/drafts/preview-blocks'
import { checkNoteBody } from '@/lib/mdx/policy'

const worker = new Worker(path.join(process.cwd(), 'lib/mdx/compile-worker.mjs'))
afterAll(() => worker.terminate())
let nextId = 0

function compile(job: { source: string } | { blocks: string[] }): Promise<string[]> {
  const id = ++nextId
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { id: number; ok: boolean; codes: string[]; message: string }) => {
      if (reply.id !== id) return
      worker.off('message', onMessage)
      if (reply.ok) resolve(reply.codes)
      else reject(new Error(reply.message))
    }
    worker.on('message', onMessage)
    worker.postMessage({ id, ...job })
  })
}

const html = (codes: string[], separator = '') =>
  codes
    .map((code) => renderToStaticMarkup(createElement(getMDXComponent(code), { components: mdxComponents })))
    .join(separator)
    .replace(/_R_[0-9a-z]+_/g, '_R_')

const NOTE = [
  '## Softmax on a GPU',
  'Softmax is $\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}$, one **kernel** per row.',
  '$$\n\\frac{\\partial L}{\\partial z_i} = \\sigma_i - y_i\n$$',
  '```python\nimport torch\nprint(torch.cuda.is_available())\n```',
  '- a loose list\n\n- with two items',
  '- [x] done\n- [ ] to do',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '<Figure caption="Serial vs parallel">\n\n<SerialVsParallel tasks={4} />\n\n</Figure>',
  '### Memory\n\n> A quote with `code`.',
].join('\n\n')

const blocksOf = (source: string) => splitIntoBlocks(source, checkNoteBody(source).tree!)

describe('the preview compiled block by block', () => {
  it('renders exactly what the whole note renders', async () => {
    const blocks = blocksOf(NOTE)!
    expect(blocks.length).toBe(9) // the two lists are one list, as in the whole note
    // The whole note has a line break between top-level blocks; nothing else may differ.
    // The whole note has a line break between top-level blocks, and React's useId numbers depend
    // on where a component sits in the tree; nothing else may differ.
    expect(html(await compile({ blocks }), '\n')).toBe(html(await compile({ source: NOTE })))
  })

  it('compiles whole when blocks depend on each other', () => {
    expect(blocksOf('Text[^1].\n\n[^1]: A footnote.')).toBeNull()
    expect(blocksOf('A [link][ref].\n\n[ref]: https://example.com')).toBeNull()
    expect(blocksOf('## Setup\n\nx\n\n## Setup\n\ny')).toBeNull()
    expect(blocksOf('## Setup\n\nx\n\n## Run\n\ny')).toEqual(['## Setup', 'x', '## Run', 'y'])
  })
})
