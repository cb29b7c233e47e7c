import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { excerptAround, highlight } from '@/lib/search/highlight'
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchSection } from '@/lib/search/options'
import { noteSections } from '@/lib/search/sections'
import { tokenize } from '@/lib/search/tokenize'

const note = { slug: 'kernels', url: '/notes/kernels', title: 'Kernels', summary: 'A first kernel', tags: ['CUDA'] }
const BODY = [
  'Intro about GPUs.',
  '## Check the device',
  '```python',
  '# not a heading: a comment',
  'print(torch.cuda.is_available())',
  '```',
  '## Memory',
  'Call cudaMalloc before the `add<<<1, 256>>>` launch.',
  '## Memory',
  'Free it with cudaFree.',
].join('\n')

function index(sections: SearchSection[]) {
  const search = new MiniSearch<SearchSection>(INDEX_OPTIONS)
  search.addAll(sections)
  // What the browser gets: the index as JSON, loaded back.
  return MiniSearch.loadJSON<SearchSection>(JSON.stringify(search), INDEX_OPTIONS)
}

describe('tokenize', () => {
  it('keeps code identifiers whole and in parts, lowercased', () => {
    expect(tokenize('print(torch.cuda.is_available())')).toEqual(
      expect.arrayContaining(['torch.cuda.is_available', 'torch', 'cuda', 'is_available', 'available', 'print']),
    )
    expect(tokenize('cudaMalloc and threadIdx.x')).toEqual(expect.arrayContaining(['cudamalloc', 'malloc', 'threadidx.x', 'threadidx']))
  })

  it('leaves out the underscores around a name, as the body text does', () => {
    expect(tokenize('__syncthreads();')).toEqual(['syncthreads'])
    expect(tokenize('__shared__ float tile[32]')).toEqual(['shared', 'float', 'tile', '32'])
    expect(tokenize('x.__class__ _ __')).toEqual(['x.class', 'class'])
    expect(tokenize('is_available')).toEqual(['is_available', 'is', 'available'])
  })
})

describe('noteSections', () => {
  it('splits a note at its headings, with the rendered heading ids, ignoring # inside code', () => {
    const sections = noteSections(note, BODY)
    expect(sections.map((section) => section.url)).toEqual([
      '/notes/kernels',
      '/notes/kernels#check-the-device',
      '/notes/kernels#memory',
      '/notes/kernels#memory-1',
    ])
    expect(sections[1].text).toContain('torch.cuda.is_available()')
    expect(sections[0].summary).toBe('A first kernel')
  })
})

describe('searching the sections', () => {
  const search = index(noteSections(note, BODY))
  const urls = (query: string) => search.search(query, QUERY_OPTIONS).map((result) => result.url)

  it('finds code identifiers, whole or in part, and opens at their heading', () => {
    expect(urls('torch.cuda.is_available')[0]).toBe('/notes/kernels#check-the-device')
    expect(urls('is_available')[0]).toBe('/notes/kernels#check-the-device')
    expect(urls('cudaMalloc')[0]).toBe('/notes/kernels#memory')
    expect(urls('cudafree')[0]).toBe('/notes/kernels#memory-1')
  })

  it('finds words of the body, by prefix, and needs every word', () => {
    expect(urls('launch')).toEqual(['/notes/kernels#memory'])
    expect(urls('laun')).toEqual(['/notes/kernels#memory'])
    expect(urls('launch gpus')).toEqual([])
  })
})

describe('highlight', () => {
  it('marks the matched words, whatever their case', () => {
    expect(highlight('Call cudaMalloc now', ['cudamalloc'])).toEqual([
      { text: 'Call ', match: false },
      { text: 'cudaMalloc', match: true },
      { text: ' now', match: false },
    ])
    expect(highlight('a (b)', ['(b'])).toEqual([{ text: 'a ', match: false }, { text: '(b', match: true }, { text: ')', match: false }])
  })

  it('shows the part of a long text where the match is', () => {
    const text = `${'word '.repeat(100)}needle ${'tail '.repeat(50)}`
    expect(excerptAround(text, ['needle'])).toMatch(/^….*needle.*…$/)
    expect(excerptAround('short needle', ['needle'])).toBe('short needle')
  })
})
