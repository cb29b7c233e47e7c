import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { drawableText, fontsFor, parseSubsets } from '@/lib/og/fonts'

describe('parseSubsets', () => {
  it('reads each woff file with its unicode ranges from a Fontsource stylesheet', () => {
    const css = `@font-face {
  font-family: 'Noto Sans';
  src: url(./files/greek-700.woff2) format('woff2'), url(./files/greek-700.woff) format('woff');
  unicode-range: U+0370-0377,U+037A-037F,U+0384;
}`
    expect(parseSubsets(css, 'Noto Sans', '/fonts')).toEqual([
      { family: 'Noto Sans', file: '/fonts/files/greek-700.woff', ranges: [[0x370, 0x377], [0x37a, 0x37f], [0x384, 0x384]] },
    ])
  })
})

describe('with the bundled Noto fonts', () => {
  it('keeps Latin, Greek and Japanese, and drops what no bundled font can draw', () => {
    expect(drawableText('Tom & Jerry <x> 🚀 Ωμέγα 日本語 😀')).toBe('Tom & Jerry <x> Ωμέγα 日本語')
  })

  it('loads only the subsets a text needs, Japanese included when it appears', () => {
    const latin = fontsFor(['CUDA'])
    const japanese = fontsFor(['CUDA 日本語'])
    expect(latin.length).toBeGreaterThan(0)
    expect(japanese.length).toBeGreaterThan(latin.length)
    expect(japanese.some((font) => font.name.startsWith('Noto Sans JP'))).toBe(true)
    expect(new Set(japanese.map((font) => font.name)).size).toBe(japanese.length)
    // Each font is a real WOFF file.
    const woffMagic = Buffer.from(japanese[0].data.slice(0, 4)).toString('latin1')
    expect(woffMagic).toBe('wOFF')
  })

  it('finds its stylesheets in node_modules', () => {
    const css = readFileSync(path.join(process.cwd(), 'node_modules/@fontsource/noto-sans-jp/700.css'), 'utf8')
    expect(parseSubsets(css, 'Noto Sans JP', '/x').length).toBeGreaterThan(50)
  })
})
