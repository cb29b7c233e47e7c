import { describe, expect, it, onTestFinished } from 'vitest'
import {
  apaAuthor,
  apaReference,
  bibtexEntry,
  citationKey,
  escapeBibtex,
  invertedName,
  scholarDate,
  scholarTags,
  type CitableNote,
} from '@/lib/notes/citation-formats'
import { doiUrl, isDoi } from '@/lib/notes/doi'

const AUTHOR = 'Arun Kumar RN'
const cuda: CitableNote = {
  slug: 'cuda',
  title: 'CUDA',
  date: '2020-12-01T00:00:00.000Z',
  url: 'https://example.org/notes/cuda',
}

describe('author names', () => {
  it('takes the last word as the family name and gives the initials of the others', () => {
    expect(invertedName(AUTHOR)).toBe('RN, Arun Kumar')
    expect(apaAuthor(AUTHOR)).toBe('RN, A. K.')
    expect(apaAuthor('  Jean-Paul   Sartre ')).toBe('Sartre, J.-P.')
    expect(apaAuthor('ada lovelace')).toBe('lovelace, A.')
  })

  it('leaves a single name as it is', () => {
    expect(invertedName('Plato')).toBe('Plato')
    expect(apaAuthor('Plato')).toBe('Plato')
  })
})

describe('escapeBibtex', () => {
  it('escapes every character LaTeX would read as markup', () => {
    expect(escapeBibtex('Tom & Jerry: 100% of #1_x {a} $5')).toBe('Tom \\& Jerry: 100\\% of \\#1\\_x \\{a\\} \\$5')
    expect(escapeBibtex('a\\b ^ ~ <c>')).toBe('a\\textbackslash{}b \\textasciicircum{} \\textasciitilde{} \\textless{}c\\textgreater{}')
  })

  it('escapes math as the page shows it: as text', () => {
    expect(escapeBibtex('Why $\\sqrt{d_k}$?')).toBe('Why \\$\\textbackslash{}sqrt\\{d\\_k\\}\\$?')
  })

  it('keeps letters from any script, quotes and emoji', () => {
    expect(escapeBibtex('Ωμέγα 日本語 “curly” 🚀')).toBe('Ωμέγα 日本語 “curly” 🚀')
  })

  it('never leaves an unbalanced brace, whatever the title', () => {
    const escaped = escapeBibtex('}}{ \\} {{')
    const unescaped = escaped.replace(/\\[{}]/g, '').replace(/\\textbackslash\{\}/g, '')
    expect(unescaped).not.toMatch(/[{}]/)
  })
})

describe('citationKey', () => {
  it('joins the family name, the year first published and the slug', () => {
    expect(citationKey(AUTHOR, cuda)).toBe('rn2020cuda')
    expect(citationKey(AUTHOR, { slug: 'softmax-and-kernels', date: '2021-01-15T00:00:00.000Z' })).toBe('rn2021softmax-and-kernels')
  })

  it('differs between notes of the same year and does not move when the note is updated', () => {
    const streams = citationKey(AUTHOR, { slug: 'cuda-streams', date: '2020-03-01T00:00:00.000Z' })
    expect(streams).not.toBe(citationKey(AUTHOR, cuda))
    expect(bibtexEntry(AUTHOR, { ...cuda, updated: '2024-05-05T00:00:00.000Z' })).toMatch(/^@misc\{rn2020cuda,\n/)
  })

  it('keeps only characters every BibTeX tool accepts in a key', () => {
    expect(citationKey('Zoë Ångström', { slug: 'a-b', date: '2019-01-01' })).toBe('angstrom2019a-b')
    expect(citationKey('日本', { slug: 'x', date: '2019-01-01' })).toBe('note2019x')
  })
})

describe('bibtexEntry', () => {
  it('gives author, title, year, month, url and a note, without an access date', () => {
    expect(bibtexEntry(AUTHOR, cuda)).toBe(
      [
        '@misc{rn2020cuda,',
        '  author = {RN, Arun Kumar},',
        '  title  = {{CUDA}},',
        '  year   = {2020},',
        '  month  = dec,',
        '  url    = {https://example.org/notes/cuda},',
        '  note   = {Learning note}',
        '}',
      ].join('\n'),
    )
  })

  it('adds the DOI and the date of the last update when the note has them', () => {
    const entry = bibtexEntry(AUTHOR, { ...cuda, doi: '10.5555/cuda_2020', updated: '2021-02-01T00:00:00.000Z' })
    expect(entry).toContain('  doi    = {10.5555/cuda_2020},\n')
    expect(entry).toContain('  note   = {Learning note, last updated 2021-02-01}\n')
    // The publication date stays the entry's date.
    expect(entry).toContain('  year   = {2020},\n  month  = dec,\n')
  })

  it('escapes the title and keeps its capitals', () => {
    const entry = bibtexEntry(AUTHOR, { ...cuda, title: 'Tom & Jerry <script> 50% of $O(n^2)$ #GPU_time {PyTorch}' })
    expect(entry).toContain(
      '  title  = {{Tom \\& Jerry \\textless{}script\\textgreater{} 50\\% of \\$O(n\\textasciicircum{}2)\\$ \\#GPU\\_time \\{PyTorch\\}}},\n',
    )
  })

  it('reads dates as calendar days whatever the local time zone', () => {
    const zone = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    onTestFinished(() => {
      process.env.TZ = zone
    })
    expect(bibtexEntry(AUTHOR, { ...cuda, date: '2021-01-01T00:00:00.000Z' })).toContain('year   = {2021},\n  month  = jan,')
    expect(bibtexEntry(AUTHOR, { ...cuda, date: '2021-12-31T00:00:00.000Z' })).toContain('year   = {2021},\n  month  = dec,')
  })
})

describe('apaReference', () => {
  it('gives author, date, title and address, leaving out a site named after the author', () => {
    expect(apaReference(AUTHOR, AUTHOR, cuda)).toBe('RN, A. K. (2020, December 1). CUDA. https://example.org/notes/cuda')
  })

  it('names the site when it is not the author', () => {
    expect(apaReference(AUTHOR, 'ML notes', cuda)).toBe('RN, A. K. (2020, December 1). CUDA. ML notes. https://example.org/notes/cuda')
  })

  it('is dated by the last update, when there is one', () => {
    expect(apaReference(AUTHOR, AUTHOR, { ...cuda, updated: '2021-02-01T00:00:00.000Z' })).toBe(
      'RN, A. K. (2021, February 1). CUDA. https://example.org/notes/cuda',
    )
  })

  it('uses the DOI link instead of the page address', () => {
    expect(apaReference(AUTHOR, AUTHOR, { ...cuda, doi: '10.5555/cuda' })).toBe('RN, A. K. (2020, December 1). CUDA. https://doi.org/10.5555/cuda')
  })

  it('adds no second full stop after a title that ends a sentence, and keeps special characters', () => {
    expect(apaReference(AUTHOR, AUTHOR, { ...cuda, title: 'Why does $O(n^2)$ attention & memory matter?' })).toBe(
      'RN, A. K. (2020, December 1). Why does $O(n^2)$ attention & memory matter? https://example.org/notes/cuda',
    )
    expect(apaReference('Plato', 'Plato', cuda)).toBe('Plato. (2020, December 1). CUDA. https://example.org/notes/cuda')
  })
})

describe('Google Scholar tags', () => {
  it('give title, author, publication date (year/month/day), and the DOI when set', () => {
    expect(scholarDate('2021-01-05T00:00:00.000Z')).toBe('2021/01/05')
    expect(scholarTags(AUTHOR, cuda)).toEqual({
      citation_title: 'CUDA',
      citation_author: 'RN, Arun Kumar',
      citation_publication_date: '2020/12/01',
    })
    expect(scholarTags(AUTHOR, { ...cuda, doi: '10.5555/x', updated: '2021-01-01' })).toEqual({
      citation_title: 'CUDA',
      citation_author: 'RN, Arun Kumar',
      citation_publication_date: '2020/12/01',
      citation_doi: '10.5555/x',
    })
  })
})

describe('DOIs', () => {
  it('accept the 10.NNNN/suffix form and refuse anything else', () => {
    for (const good of ['10.5555/12345678', '10.1000/xyz.123', '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O', '10.1000.10/abc', '10.5281/zenodo.1234567']) {
      expect(isDoi(good), good).toBe(true)
    }
    for (const bad of ['', '10.123/abc', '11.1234/abc', 'https://doi.org/10.5555/1', 'doi:10.5555/1', '10.5555/', '10.5555/a b', '10.5555/{x}', '10.5555/a\\b', ' 10.5555/1']) {
      expect(isDoi(bad), bad).toBe(false)
    }
  })

  it('link to the resolver with the suffix encoded as a URL path', () => {
    expect(doiUrl('10.5555/12345678')).toBe('https://doi.org/10.5555/12345678')
    expect(doiUrl('10.5555/a#b?c%d')).toBe('https://doi.org/10.5555/a%23b%3Fc%25d')
  })
})
