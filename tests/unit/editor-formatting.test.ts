import { describe, expect, it } from 'vitest'
import { formatEdit, FORMATS, keyLabel } from '@/lib/editor/formatting'

/** The body after an edit, with the selection marked as [..]. */
function apply(kind: Parameters<typeof formatEdit>[0], marked: string) {
  const from = marked.indexOf('[')
  const to = marked.indexOf(']') - 1
  const doc = marked.replace('[', '').replace(']', '')
  const edit = formatEdit(kind, doc, { from, to })
  const after = doc.slice(0, edit.from) + edit.insert + doc.slice(edit.to)
  return `${after.slice(0, edit.anchor)}[${after.slice(edit.anchor, edit.head)}]${after.slice(edit.head)}`
}

describe('format toolbar edits', () => {
  it('wraps the selection, or a selected placeholder to type over; wrapping twice unwraps', () => {
    expect(apply('bold', 'a [word] b')).toBe('a **[word]** b')
    expect(apply('bold', 'a **[word]** b')).toBe('a [word] b')
    expect(apply('italic', 'x[]')).toBe('x_[italic text]_')
    expect(apply('code', 'call [torch.cuda.synchronize()]')).toBe('call `[torch.cuda.synchronize()]`')
    expect(apply('math', 'where [x^2] is')).toBe('where $[x^2]$ is')
  })

  it('puts blocks on lines of their own, with blank lines where they meet text', () => {
    expect(apply('codeBlock', 'Text.[]')).toBe('Text.\n\n```python\n[print("hello")]\n```')
    expect(apply('displayMath', 'Before\n\n[E = mc^2]\n\nafter')).toBe('Before\n\n$$\n[E = mc^2]\n$$\n\nafter')
    expect(apply('figure', '[]')).toBe('<Figure caption="[What the figure shows]" src="/notes/…" alt="…" />')
  })

  it('cycles a heading level on the cursor’s line, and makes links around text or a pasted URL', () => {
    expect(apply('heading', 'Intro\nWhy GPUs[]')).toBe('Intro\n## Why GPUs[]')
    expect(apply('heading', '## Why[] GPUs')).toBe('### Why[] GPUs')
    expect(apply('heading', '### Why[] GPUs')).toBe('Why[] GPUs')
    expect(apply('link', 'see [the docs]')).toBe('see [the docs]([https://])')
    expect(apply('link', '[https://pytorch.org]')).toBe('[[link text]](https://pytorch.org)')
  })

  it('gives each button a shortcut, shown as people read it', () => {
    expect(new Set(FORMATS.map((format) => format.key)).size).toBe(FORMATS.length)
    expect(keyLabel('Mod-Alt-m', false)).toBe('Control+Alt+M')
    expect(keyLabel('Mod-b', true)).toBe('Meta+B')
  })
})
