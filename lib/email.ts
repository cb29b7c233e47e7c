/**
 * Turns "name [dot] last [at] example [dot] com" back into an address. The page only ever carries
 * the spelled-out form, so harvesters reading the HTML find no address; the browser assembles it
 * when a reader asks to write.
 */
export function revealEmail(obfuscated: string): string {
  return obfuscated
    .replace(/[[(]\s*at\s*[\])]/gi, '@')
    .replace(/[[(]\s*dot\s*[\])]/gi, '.')
    // Last, so the spaces around [at] and [dot] go with the rest.
    .replace(/\s+/g, '')
}
