import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CiteNote } from '@/components/notes/cite-note'
import { apaReference, bibtexEntry, type CitableNote } from '@/lib/notes/citation-formats'

const AUTHOR = 'Arun Kumar RN'
const note: CitableNote = {
  slug: 'hostile-title',
  title: 'Tom & Jerry <script>alert(1)</script> {x}',
  date: '2019-06-01T00:00:00.000Z',
  url: 'https://example.org/notes/hostile-title',
}

// What a browser's textContent gives for the element with this id, from server-rendered HTML.
function textOf(html: string, id: string): string {
  const match = new RegExp(`<(\\w+) id="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html)
  if (!match) throw new Error(`no element #${id}`)
  return match[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&')
}

const render = (cited: CitableNote) => renderToStaticMarkup(createElement(CiteNote, { note: cited, author: AUTHOR, siteName: AUTHOR }))

describe('the cite box', () => {
  it('is in the server HTML, so it reads and selects without JavaScript', () => {
    const html = render(note)
    expect(html).toContain('<h2 id="cite-heading"')
    expect(html).toContain('Cite this note')
    expect(textOf(html, 'cite-apa-text')).toBe(apaReference(AUTHOR, AUTHOR, note))
    expect(textOf(html, 'cite-bibtex-text')).toBe(bibtexEntry(AUTHOR, note))
  })

  it('shows markup characters in the title as text, never as markup', () => {
    const html = render(note)
    expect(html).not.toContain('<script>')
    expect(textOf(html, 'cite-bibtex-text')).toContain('{{Tom \\& Jerry \\textless{}script\\textgreater{}alert(1)\\textless{}/script\\textgreater{} \\{x\\}}}')
  })

  it('has a named copy button for each format', () => {
    const html = render(note)
    expect(html.match(/<button type="button"/g)).toHaveLength(2)
    expect(html).toContain('<span class="sr-only"> APA reference</span>')
    expect(html).toContain('<span class="sr-only"> BibTeX entry</span>')
  })

  it('links the DOI only when the note has one', () => {
    expect(render(note)).not.toContain('doi.org')
    const html = render({ ...note, doi: '10.5555/hostile.2019' })
    expect(html).toContain('<a href="https://doi.org/10.5555/hostile.2019"')
    expect(textOf(html, 'cite-apa-text')).toMatch(/ https:\/\/doi\.org\/10\.5555\/hostile\.2019$/)
    expect(textOf(html, 'cite-bibtex-text')).toContain('doi    = {10.5555/hostile.2019}')
  })
})
