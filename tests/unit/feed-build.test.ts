import { describe, expect, it } from 'vitest'
import { buildFeed, lastChange, type FeedChannel, type FeedEntry } from '@/lib/feed/build'
import { isNotModified, validators } from '@/lib/feed/conditional'

const channel: FeedChannel = {
  title: 'Notes & more',
  description: 'All notes',
  pageUrl: 'https://notes.example/',
  feedUrls: {
    rss: 'https://notes.example/feed.xml',
    atom: 'https://notes.example/atom.xml',
    json: 'https://notes.example/feed.json',
  },
}
const author = { name: 'Arun Kumar RN', url: 'https://notes.example' }
const hostile = 'Tom & Jerry <script>x</script> "q" ]]> 🚀'
const entries: FeedEntry[] = [
  {
    url: 'https://notes.example/notes/b',
    title: hostile,
    summary: 'Summary <b>',
    date: '2021-01-15T00:00:00.000Z',
    updated: '2021-02-01T00:00:00.000Z',
    tags: ['Edge & <Cases> "x"'],
    html: '<p>body ]]> end</p>',
  },
  { url: 'https://notes.example/notes/a', title: 'A', summary: 's', date: '2020-12-01T00:00:00.000Z', tags: [], html: '<p>a</p>' },
]

describe('buildFeed', () => {
  it('writes Atom categories with every attribute character escaped, and titles as escaped HTML', () => {
    const xml = buildFeed('atom', channel, entries, author, 'en')
    expect(xml).toContain('<category label="Edge &amp; &lt;Cases&gt; &quot;x&quot;" term="Edge &amp; &lt;Cases&gt; &quot;x&quot;"/>')
    expect(xml).toContain('<title type="html"><![CDATA[Tom &amp; Jerry &lt;script&gt;x&lt;/script&gt; &quot;q&quot; ]]&gt; 🚀]]></title>')
    expect(xml).toContain('<link rel="self" href="https://notes.example/atom.xml"/>')
    expect(xml).toContain('<updated>2021-02-01T00:00:00.000Z</updated>')
  })

  it('splits ]]> inside CDATA in RSS and links to itself', () => {
    const xml = buildFeed('rss', channel, entries, author, 'en')
    expect(xml).toContain('<content:encoded><![CDATA[<p>body ]]]]><![CDATA[> end</p>]]></content:encoded>')
    expect(xml).toContain('<atom:link href="https://notes.example/feed.xml" rel="self" type="application/rss+xml"/>')
    expect(xml).toContain('<lastBuildDate>Mon, 01 Feb 2021 00:00:00 GMT</lastBuildDate>')
  })

  it('writes JSON Feed 1.1 with authors and the exact strings', () => {
    const json = JSON.parse(buildFeed('json', channel, entries, author, 'en'))
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.authors).toEqual([author])
    expect(json.items[0]).toMatchObject({ title: hostile, authors: [author], tags: ['Edge & <Cases> "x"'], date_published: '2021-01-15T00:00:00.000Z' })
    expect(json.items.map((item: { id: string }) => item.id)).toEqual(['https://notes.example/notes/b', 'https://notes.example/notes/a'])
  })

  it('dates the channel by its newest change, not by the build', () => {
    expect(lastChange(entries).toISOString()).toBe('2021-02-01T00:00:00.000Z')
    expect(lastChange([]).getTime()).toBe(0)
  })
})

describe('conditional GET', () => {
  const { etag, lastModified } = validators('<rss/>', new Date('2021-02-01T10:20:30.456Z'))

  it('gives a strong ETag that follows the bytes, and an HTTP date to the second', () => {
    expect(etag).toMatch(/^"[\w-]{27}"$/)
    expect(validators('<rss />', new Date()).etag).not.toBe(etag)
    expect(lastModified).toBe('Mon, 01 Feb 2021 10:20:30 GMT')
  })

  it('answers 304 for a matching If-None-Match, even among several or weak', () => {
    expect(isNotModified(new Headers({ 'If-None-Match': etag }), etag, lastModified)).toBe(true)
    expect(isNotModified(new Headers({ 'If-None-Match': `"other", W/${etag}` }), etag, lastModified)).toBe(true)
    expect(isNotModified(new Headers({ 'If-None-Match': '"other"' }), etag, lastModified)).toBe(false)
  })

  it('reads If-Modified-Since only without If-None-Match', () => {
    expect(isNotModified(new Headers({ 'If-Modified-Since': lastModified }), etag, lastModified)).toBe(true)
    expect(isNotModified(new Headers({ 'If-Modified-Since': 'Sun, 31 Jan 2021 00:00:00 GMT' }), etag, lastModified)).toBe(false)
    expect(isNotModified(new Headers({ 'If-Modified-Since': 'not a date' }), etag, lastModified)).toBe(false)
    expect(isNotModified(new Headers({ 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }), etag, lastModified)).toBe(false)
    expect(isNotModified(new Headers(), etag, lastModified)).toBe(false)
  })
})
