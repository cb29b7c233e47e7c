/**
 * Turns "name [dot] last [at] example [dot] com" back into an address. The page only ever carries
 * the spelled-out form, so harvesters reading the HTML find no address; the browser assembles it
 * when a reader asks to write.
 */
export function revealEmail(obfuscated: string): string {
  return obfuscated
    .replace(/\s*[[(]\s*at\s*[\])]\s*/gi, '@')
    .replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.')
    .replace(/\s+/g, '')
}
