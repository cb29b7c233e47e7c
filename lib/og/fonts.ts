import { readFileSync } from 'node:fs'
import path from 'node:path'

export type OgFont = { name: string; data: ArrayBuffer; weight: 700; style: 'normal' }

type Subset = { family: string; file: string; ranges: Array<[number, number]> }

// Noto Sans (Latin, Greek, Cyrillic, Vietnamese…) and Noto Sans JP (kana and CJK ideographs),
// split by Fontsource into unicode-range subsets: a card loads only the subsets its text uses.
const FAMILIES = [
  { family: 'Noto Sans', css: '@fontsource/noto-sans/700.css' },
  { family: 'Noto Sans JP', css: '@fontsource/noto-sans-jp/700.css' },
]

const modulesDir = () => path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules')

function parseRanges(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(start, 16), parseInt(end, 16)]
  })
}

// The stylesheet is cut at '}', ';' and ',' before any pattern runs: searched across the whole
// text, a pattern such as @font-face\s*{([^}]*)} rescans the rest of it at every start it tries.
const FONT_FACE = /@font-face\s*{/
const WOFF_SOURCE = /^url\(([^)]+\.woff)\)\s*format\('woff'\)$/

/** The bodies of the stylesheet's @font-face blocks. */
function fontFaceBodies(css: string): string[] {
  return css
    .split('}')
    .slice(0, -1)
    .flatMap((piece) => {
      const start = FONT_FACE.exec(piece)
      return start ? [piece.slice(start.index + start[0].length)] : []
    })
}

/** A declaration's value in a block body (`src: …;` → "…"). */
function declaration(body: string, property: string): string | undefined {
  for (const piece of body.split(';')) {
    const colon = piece.indexOf(':')
    if (colon >= 0 && piece.slice(0, colon).trim() === property) return piece.slice(colon + 1).trim()
  }
  return undefined
}

/** The @font-face blocks of a Fontsource stylesheet: which .woff file covers which code points. */
export function parseSubsets(css: string, family: string, cssDir: string): Subset[] {
  const subsets: Subset[] = []
  for (const body of fontFaceBodies(css)) {
    const sources = declaration(body, 'src')?.split(',') ?? []
    const woff = sources.map((source) => WOFF_SOURCE.exec(source.trim())?.[1]).find(Boolean)
    const ranges = declaration(body, 'unicode-range')
    if (woff && ranges) subsets.push({ family, file: path.join(cssDir, woff), ranges: parseRanges(ranges) })
  }
  return subsets
}

let subsetsCache: Subset[] | undefined
function allSubsets(): Subset[] {
  subsetsCache ??= FAMILIES.flatMap(({ family, css }) => {
    const cssPath = path.join(modulesDir(), css)
    return parseSubsets(readFileSync(cssPath, 'utf8'), family, path.dirname(cssPath))
  })
  return subsetsCache
}

const covers = (subset: Subset, codePoint: number) =>
  subset.ranges.some(([start, end]) => codePoint >= start && codePoint <= end)

const isSpace = (char: string) => /\s/.test(char)

/**
 * The text as a card can draw it: characters no bundled font covers (emoji, scripts we do not
 * ship) are dropped, because the renderer would otherwise try to download a font at build time.
 */
export function drawableText(text: string, subsets: Subset[] = allSubsets()): string {
  return [...text]
    .filter((char) => isSpace(char) || subsets.some((subset) => covers(subset, char.codePointAt(0)!)))
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim()
}

/** Fonts for exactly the subsets the given texts need (basic Latin always, for fixed labels). */
export function fontsFor(texts: string[], subsets: Subset[] = allSubsets()): OgFont[] {
  const codePoints = new Set([...texts.join('')].map((char) => char.codePointAt(0)!))
  for (let c = 0x20; c < 0x7f; c++) codePoints.add(c)
  // The first subset that covers a character draws it, so Noto Sans takes Latin before any CJK file.
  const needed = new Set<Subset>()
  for (const codePoint of codePoints) {
    const subset = subsets.find((candidate) => covers(candidate, codePoint))
    if (subset) needed.add(subset)
  }
  // One name per subset: the renderer keeps one font per family name and falls back only across
  // the names listed in font-family.
  return [...needed].sort((a, b) => subsets.indexOf(a) - subsets.indexOf(b)).map((subset, index) => {
    const file = readFileSync(subset.file)
    const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer
    return { name: `${subset.family} ${index}`, data, weight: 700, style: 'normal' }
  })
}
