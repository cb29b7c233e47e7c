// Characters XML 1.0 forbids (C0 controls but tab/newline/return, U+FFFE/U+FFFF, lone surrogates).
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text safe to place in any XML document: illegal characters are dropped, never escaped. */
export function xmlSafe(text: string): string {
  return text.replace(ILLEGAL_XML, '')
}
