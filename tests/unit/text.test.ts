import { describe, expect, it } from 'vitest'
import { countWords, extractHeadings, plainHeadingText, readingMinutes, slugify } from '@/lib/notes/text'

describe('countWords', () => {
  it('counts prose words', () => {
    expect(countWords('To understand CUDA, we need to understand what a GPU is.')).toBe(11)
  })

  it('leaves out fenced code, display math and JSX tags', () => {
    const body = [
      'Two words',
      '```python',
      'import torch as many words here',
      '```',
      '$$',
      'a + b = c',
      '$$',
      '<Figure caption="not counted either">',
      '</Figure>',
    ].join('\n')
    expect(countWords(body)).toBe(2)
  })

  it('does not count punctuation-only tokens', () => {
    expect(countWords('# Heading\n\n- item — one\n\n| a | b |')).toBe(5)
  })
})

describe('readingMinutes', () => {
  it('never says zero minutes', () => {
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(30)).toBe(1)
  })

  it('rounds at 220 words a minute', () => {
    expect(readingMinutes(220 * 5)).toBe(5)
    expect(readingMinutes(220 * 5 + 120)).toBe(6)
  })
})

describe('extractHeadings', () => {
  it('returns h2 and h3 with the ids rehype-slug gives them', () => {
    const body = '# Title\n\n## What a GPU is\n\ntext\n\n### `torch.cuda` basics\n\n#### too deep\n\n## What a GPU is'
    expect(extractHeadings(body)).toEqual([
      { level: 2, text: 'What a GPU is', id: 'what-a-gpu-is' },
      { level: 3, text: 'torch.cuda basics', id: 'torchcuda-basics' },
      { level: 2, text: 'What a GPU is', id: 'what-a-gpu-is-1' },
    ])
  })

  it('ignores # lines inside code blocks', () => {
    expect(extractHeadings('```bash\n## not a heading\n```\n\n## Real')).toEqual([{ level: 2, text: 'Real', id: 'real' }])
  })
})

describe('plainHeadingText', () => {
  it('strips links, emphasis and closing hashes', () => {
    expect(plainHeadingText('[Where **CUDA** fits](https://x.test) ##')).toBe('Where CUDA fits')
  })
})

describe('slugify', () => {
  it('makes URL-safe lowercase slugs', () => {
    expect(slugify('Understanding fundamentals of PyTorch')).toBe('understanding-fundamentals-of-pytorch')
    expect(slugify('Deep Learning')).toBe('deep-learning')
  })
})

describe('headings as the notebook converter writes them', () => {
  it('give "On this page" the rendered text and the rendered id', () => {
    const headings = extractHeadings(
      ['## Why `y_true` & `y_pred`?', '## Intr&#x61;_&#x77;or&#x64;_&#x65;mphasis', '## Q\\&A: when x \\< y', '## Using \\{braces}', '## Price is \\$5', '## datetime64\\[ns]'].join('\n\n'),
    )
    expect(headings.map(({ text, id }) => [text, id])).toEqual([
      ['Why y_true & y_pred?', 'why-y_true--y_pred'],
      ['Intrawordemphasis', 'intrawordemphasis'],
      ['Q&A: when x < y', 'qa-when-x--y'],
      ['Using {braces}', 'using-braces'],
      ['Price is $5', 'price-is-5'],
      ['datetime64[ns]', 'datetime64ns'],
    ])
  })
})
