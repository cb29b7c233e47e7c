import { describe, expect, it } from 'vitest'
import { countWords, extractHeadings, plainHeadingText } from '@/lib/notes/text'
import { slugFromTitle } from '@/lib/notes/slug'
import { revealEmail } from '@/lib/email'
import { equationId } from '@/lib/mdx/equations.mjs'
import { NotebookError } from '@/lib/notebooks/notebook'
import { checkSvg } from '@/lib/notebooks/svg'
import { noteSections, searchableText } from '@/lib/search/sections'
import { urlScheme } from '@/lib/security/url-scheme'

// Inputs built to make the old, super-linear regexes backtrack (the attack strings recheck
// reported), each 1 MB. Linear code reads them in milliseconds; the old code took minutes, on the
// request thread (a 100 kB SVG in an imported notebook kept a guest's GET / waiting 2.2 s).
const MB = 1_000_000
const repeat = (unit: string, prefix = '', suffix = '') => prefix + unit.repeat(Math.ceil((MB - prefix.length - suffix.length) / unit.length)) + suffix
const LIMIT_MS = 1_000

function expectQuick(run: () => unknown) {
  const started = performance.now()
  try {
    run()
  } catch (error) {
    if (!(error instanceof NotebookError)) throw error
  }
  expect(performance.now() - started).toBeLessThan(LIMIT_MS)
}

const note = { slug: 'n', url: '/notes/n', title: 'N', summary: '', tags: [] }

describe('1 MB of adversarial input is read in linear time', () => {
  it.each([
    ['an SVG of "<SET<I"', repeat('<SET<I', '<svg>A', '>')],
    ['an SVG of "<set " without a ">"', repeat('<set ', '<svg>')],
    ['an SVG of "<s:x"', repeat('<s:x', '<svg>')],
    ['an SVG with a long prefix', repeat('a', '<svg><', ':')],
    ['a public DOCTYPE that never closes', repeat(' ', '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"', '<svg>')],
    ['an XML declaration that never closes', repeat('?', '<?xml ', '<svg>')],
  ])('the notebook SVG check, on %s', (_what, svg) => {
    expectQuick(() => checkSvg(svg, 'an output'))
  })

  it.each([
    ['unclosed fences', repeat('~~~\r')],
    ['unclosed tags', repeat('<A')],
    ['unclosed images', repeat('![](')],
    ['unclosed links', repeat('[')],
    ['blanks before a heading that never ends', repeat('\t', '#\t', '\r')],
  ])('note bodies (word count, outline, search sections) with %s', (_what, body) => {
    expectQuick(() => countWords(body))
    expectQuick(() => extractHeadings(body))
    expectQuick(() => searchableText(body))
    expectQuick(() => noteSections(note, body))
  })

  it.each([
    ['blanks before closing hashes', repeat('\t', '', '#\t#')],
    ['unclosed images', repeat('![](')],
  ])('heading text with %s', (_what, heading) => {
    expectQuick(() => plainHeadingText(heading))
  })

  it('slugs, equation labels, URLs and spelled-out addresses', () => {
    expectQuick(() => slugFromTitle(repeat('-', '\x00', '-\x00')))
    expectQuick(() => equationId(repeat('-', 'x', 'x')))
    expectQuick(() => urlScheme(repeat('\x00', '!', '\x00!')))
    expectQuick(() => revealEmail(repeat('\t', '', 'AT)')))
  })
})
