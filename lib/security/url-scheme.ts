import { trimChars } from '@/lib/text-trim.mjs'

/**
 * Character references decoded as a browser decodes them in an attribute: numeric ones, and the
 * named ones that can spell a scheme (`&colon;`, `&Tab;`, `&NewLine;`), so `&#106;avascript:`
 * and `java&#x09;script:` read as what the browser will follow.
 */
export function decodeCharacterReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Math.min(Number(decimal), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '\t')
}

const SCRIPT_OR_DATA = new Set(['javascript', 'vbscript', 'data'])
const C0_OR_SPACE = String.fromCharCode(...Array.from({ length: 0x21 }, (_, code) => code))

/**
 * A URL's scheme as the WHATWG URL parser reads it (lower case), or null for a relative URL:
 * references decoded, leading and trailing C0 controls and spaces trimmed, tabs and newlines
 * dropped wherever they stand.
 */
export function urlScheme(url: string): string | null {
  const cleaned = trimChars(decodeCharacterReferences(url), C0_OR_SPACE).replace(/[\t\n\r]/g, '')
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1].toLowerCase() ?? null
}

/** A link or image a reader could be made to run or that embeds content: javascript:, vbscript:, data:. */
export function isScriptOrDataUrl(url: string): boolean {
  const scheme = urlScheme(url)
  return scheme !== null && SCRIPT_OR_DATA.has(scheme)
}
