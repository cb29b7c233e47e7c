// Each function gives what its regex in the doc comment gives, in linear time. Those regexes
// fail only when a closing character never comes, and then restart one character on and rescan
// the rest: quadratic on text like "<a<a<a…" or "[[[…".

// With a '>' after every start (see replaceTags), `>?` always takes one: /<\/?[A-Za-z][^>]*>/g.
const TAG = /<\/?[A-Za-z][^>]*>?/g

/** JSX and HTML tags replaced by `replacement`, as `text.replace(/<\/?[A-Za-z][^>]*>/g, replacement)`. */
export function replaceTags(text: string, replacement: string): string {
  // Past the last '>' no tag can close, so that part is never searched.
  const end = text.lastIndexOf('>') + 1
  return text.slice(0, end).replace(TAG, replacement) + text.slice(end)
}

/**
 * Links `[text](url)` replaced by their text, as `.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')`; with
 * the opener '![', images `![alt](src)` by their alt text, as `.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')`.
 */
export function replaceLinksWithText(markdown: string, opener: '[' | '![' = '['): string {
  let out = ''
  let copied = 0
  let from = 0
  for (;;) {
    const start = markdown.indexOf(opener, from)
    if (start < 0) break
    const close = markdown.indexOf(']', start + opener.length)
    if (close < 0) break
    // Every opener before this ']' ends its text here too, so none of them can match either.
    if (markdown[close + 1] !== '(') {
      from = close + 1
      continue
    }
    const end = markdown.indexOf(')', close + 2)
    if (end < 0) break
    out += markdown.slice(copied, start) + markdown.slice(start + opener.length, close)
    copied = from = end + 1
  }
  return out + markdown.slice(copied)
}
