import { describe, expect, it } from 'vitest'
import { replaceFencedCode } from '@/lib/notes/fenced-code'
import { replaceLinksWithText, replaceTags } from '@/lib/notes/inline-markup'
import { plainHeadingText } from '@/lib/notes/text'
import { slugFromTitle } from '@/lib/notes/slug'
import { revealEmail } from '@/lib/email'
import { animatesLink, hasElement } from '@/lib/notebooks/svg-markup'
import { noteSections } from '@/lib/search/sections'
import { urlScheme } from '@/lib/security/url-scheme'
import { trimChars, trimEndChars } from '@/lib/text-trim.mjs'

// Each linear rewrite against the regex it replaced, on many short random texts made of the
// characters (or words) that regex cares about: same answer everywhere, not only on notes.

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function texts(pieces: string[], count = 3000, maxPieces = 14): string[] {
  const next = random(pieces.join('').length)
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * maxPieces) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
  )
}

function expectSame(inputs: string[], actual: (text: string) => unknown, expected: (text: string) => unknown) {
  const differing = inputs.filter((text) => JSON.stringify(actual(text)) !== JSON.stringify(expected(text)))
  expect(differing.slice(0, 5)).toEqual([])
}

describe('linear rewrites give what the old regexes gave', () => {
  it('trimming', () => {
    const inputs = texts(['-', '--', 'a', '\x00', ' ', '\t', '\n', '!', 'é'])
    expectSame(inputs, (text) => trimEndChars(text, '-'), (text) => text.replace(/-+$/, ''))
    expectSame(inputs, (text) => trimChars(text, '-'), (text) => text.replace(/^-+|-+$/g, ''))
    expectSame(inputs, (text) => trimEndChars(text, '\n'), (text) => text.replace(/\n+$/, ''))
    expectSame(inputs, urlScheme, (text) => /^([a-z][a-z0-9+.-]*):/i.exec(text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, ''))?.[1].toLowerCase() ?? null)
  })

  it('slugs from titles', () => {
    const old = (title: string) =>
      title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '')
    expectSame(texts(['CUDA', ': ', '-', ' & ', 'é', 'x'.repeat(30), '--', '9']), slugFromTitle, old)
  })

  it('fenced code', () => {
    const fenced = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm
    const inputs = texts(['```', '~~~', '`', '~', '\n', '\r', '\r\n', '\u2028', 'a', ' ', 'js'], 5000, 16)
    expectSame(inputs, (text) => replaceFencedCode(text, ' '), (text) => text.replace(fenced, ' '))
    expectSame(inputs, (text) => replaceFencedCode(text, ''), (text) => text.replace(fenced, ''))
  })

  it('tags and links', () => {
    const inputs = texts(['<', '>', '</', '/', 'a', 'A', '1', ' ', '!', '[', ']', '(', ')', '![', '](', '\n'], 5000, 16)
    expectSame(inputs, (text) => replaceTags(text, ' '), (text) => text.replace(/<\/?[A-Za-z][^>]*>/g, ' '))
    expectSame(inputs, (text) => replaceLinksWithText(text, '!['), (text) => text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'))
    expectSame(inputs, (text) => replaceLinksWithText(text), (text) => text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))
  })

  it('heading text', () => {
    // The old regexes, with code spans held aside while emphasis goes (`y_true` is not emphasis).
    const old = (markdown: string) => {
      const held: string[] = []
      return markdown
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/`([^`]*)`/g, (_match, code: string) => `\uE000${held.push(code) - 1}\uE001`)
        .replace(/(\*\*|__)(.*?)\1/g, '$2')
        .replace(/(\*|_)(.*?)\1/g, '$2')
        .replace(/\uE000(\d+)\uE001/g, (_match, index: string) => held[Number(index)])
        .replace(/\s+#+\s*$/, '')
        .trim()
    }
    expectSame(texts(['#', '##', ' ', '\t', '\n', 'a', '*', '[', '](', ')', '`', '\u00a0']), plainHeadingText, old)
  })

  it('spelled-out email addresses', () => {
    const old = (text: string) => text.replace(/\s*[[(]\s*at\s*[\])]\s*/gi, '@').replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.').replace(/\s+/g, '')
    expectSame(texts(['[', ']', '(', ')', 'at', 'AT', 'dot', ' ', '\t', 'x']), revealEmail, old)
  })

  it('SVG elements and animated links', () => {
    const inputs = texts(
      ['<', '>', 'set', 'SET', 'animate', 'script', 'iframe', 'foreignObject', 'x:', 'a.b:', ':', '-', '.', ' ', '1', '_', 'attributeName', '=', '"', 'href', 'xlink:'],
      8000,
      10,
    )
    expectSame(inputs, (text) => hasElement(text, /script\b/iy), (text) => /<([\w.-]+:)?script\b/i.test(text))
    expectSame(
      inputs,
      (text) => hasElement(text, /(?:foreignObject|iframe|embed|object|handler|listener)\b/iy),
      (text) => /<([\w.-]+:)?(foreignObject|iframe|embed|object|handler|listener)\b/i.test(text),
    )
    expectSame(inputs, animatesLink, (text) => /<([\w.-]+:)?(animate|set)\b[^>]*attributeName\s*=\s*["']?([\w.-]+:)?href/i.test(text))
  })
})

describe('heading lines in search sections', () => {
  const note = { slug: 'n', url: '/notes/n', title: 'N', summary: '', tags: [] }
  const sections = (body: string) => noteSections(note, body).map(({ heading, text }) => ({ heading, text }))

  it('reads the text after the blanks, and a line of blanks as an empty heading', () => {
    expect(sections('## \t Title  \nbody')).toEqual([{ heading: '', text: '' }, { heading: 'Title', text: 'body' }])
    expect(sections('##   \nbody')).toEqual([{ heading: '', text: '' }, { heading: '', text: 'body' }])
  })

  it('still reads a line holding a carriage return as text, as before', () => {
    expect(sections('## Title\r\nbody')).toEqual([{ heading: '', text: 'Title body' }])
  })
})
