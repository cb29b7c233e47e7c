/** The Markdown the toolbar and its shortcuts write, for what these notes use. */
export type FormatKind = 'heading' | 'bold' | 'italic' | 'link' | 'code' | 'codeBlock' | 'math' | 'displayMath' | 'figure'

/** One edit of the body: replace `from`–`to` with `insert`, then select `anchor`–`head`. */
export type FormatEdit = { from: number; to: number; insert: string; anchor: number; head: number }

type Selection = { from: number; to: number }

const INLINE: Partial<Record<FormatKind, { open: string; close: string; placeholder: string }>> = {
  bold: { open: '**', close: '**', placeholder: 'bold text' },
  italic: { open: '_', close: '_', placeholder: 'italic text' },
  code: { open: '`', close: '`', placeholder: 'code' },
  math: { open: '$', close: '$', placeholder: 'x^2' },
}

/** Wraps the selection (or a placeholder, selected so typing replaces it); unwraps if already wrapped. */
function wrap(doc: string, { from, to }: Selection, open: string, close: string, placeholder: string): FormatEdit {
  const selected = doc.slice(from, to)
  if (doc.slice(from - open.length, from) === open && doc.slice(to, to + close.length) === close && selected) {
    return { from: from - open.length, to: to + close.length, insert: selected, anchor: from - open.length, head: to - open.length }
  }
  const text = selected || placeholder
  return { from, to, insert: `${open}${text}${close}`, anchor: from + open.length, head: from + open.length + text.length }
}

/** A block on lines of its own around the selection, with blank lines where it meets text. */
function block(doc: string, { from, to }: Selection, open: string, close: string, placeholder: string): FormatEdit {
  const text = doc.slice(from, to) || placeholder
  const before = from === 0 || doc.slice(Math.max(0, from - 2), from) === '\n\n' ? '' : doc[from - 1] === '\n' ? '\n' : '\n\n'
  const after = to === doc.length || doc.slice(to, to + 2) === '\n\n' ? '' : doc[to] === '\n' ? '\n' : '\n\n'
  const start = from + before.length + open.length
  return { from, to, insert: `${before}${open}${text}${close}${after}`, anchor: start, head: start + text.length }
}

/** Cycles the line's heading level: none → ## → ### → none (the page's title is the only #). */
function heading(doc: string, { from }: Selection): FormatEdit {
  const lineStart = doc.lastIndexOf('\n', from - 1) + 1
  const hashes = /^#{1,6} /.exec(doc.slice(lineStart, lineStart + 7))?.[0] ?? ''
  const next = hashes === '' ? '## ' : hashes === '## ' ? '### ' : ''
  const shift = next.length - hashes.length
  return { from: lineStart, to: lineStart + hashes.length, insert: next, anchor: Math.max(lineStart, from + shift), head: Math.max(lineStart, from + shift) }
}

function link(doc: string, { from, to }: Selection): FormatEdit {
  const text = doc.slice(from, to)
  if (/^https?:\/\/\S+$/.test(text)) {
    return { from, to, insert: `[link text](${text})`, anchor: from + 1, head: from + 10 }
  }
  const label = text || 'link text'
  const urlStart = from + label.length + 3
  return { from, to, insert: `[${label}](https://)`, anchor: urlStart, head: urlStart + 'https://'.length }
}

/** The edit that applies `kind` to the selection of `doc`. */
export function formatEdit(kind: FormatKind, doc: string, selection: Selection): FormatEdit {
  const inline = INLINE[kind]
  if (inline) return wrap(doc, selection, inline.open, inline.close, inline.placeholder)
  switch (kind) {
    case 'heading':
      return heading(doc, selection)
    case 'link':
      return link(doc, selection)
    case 'codeBlock':
      return block(doc, selection, '```python\n', '\n```', 'print("hello")')
    case 'displayMath':
      return block(doc, selection, '$$\n', '\n$$', '\\mathcal{L}(\\theta) = \\frac{1}{n} \\sum_{i=1}^{n} \\ell_i')
    case 'figure':
      return block(doc, selection, '<Figure caption="', '" src="/notes/…" alt="…" />', 'What the figure shows')
    default:
      throw new Error(`Unknown format: ${kind}`)
  }
}

/** Toolbar entries: what each does, its key (CodeMirror's Mod- is Ctrl, or Cmd on a Mac). */
export const FORMATS: { kind: FormatKind; label: string; key: string; text: string }[] = [
  { kind: 'heading', label: 'Heading', key: 'Mod-Alt-h', text: 'H' },
  { kind: 'bold', label: 'Bold', key: 'Mod-b', text: 'B' },
  { kind: 'italic', label: 'Italic', key: 'Mod-i', text: 'I' },
  { kind: 'link', label: 'Link', key: 'Mod-k', text: 'Link' },
  { kind: 'code', label: 'Inline code', key: 'Mod-e', text: '`x`' },
  { kind: 'codeBlock', label: 'Code block', key: 'Mod-Alt-c', text: '```' },
  { kind: 'math', label: 'Inline math', key: 'Mod-m', text: '$x$' },
  { kind: 'displayMath', label: 'Display math', key: 'Mod-Alt-m', text: '$$' },
  { kind: 'figure', label: 'Figure', key: 'Mod-Alt-f', text: 'Figure' },
]

/** A CodeMirror key as people read it ("Ctrl+Alt+M"), and as aria-keyshortcuts wants it. */
export function keyLabel(key: string, mac: boolean): string {
  return key
    .split('-')
    .map((part) => (part === 'Mod' ? (mac ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
    .join('+')
}
