import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import type { Extension } from '@codemirror/state'
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import type { Problem } from '@/lib/editor/api'
import { formatEdit, FORMATS, type FormatKind } from '@/lib/editor/formatting'

const theme = EditorView.theme({
  '&': { fontSize: '0.95rem', backgroundColor: 'var(--editor-bg)', color: 'var(--editor-fg)', minHeight: 'var(--editor-min-height, 24rem)' },
  '.cm-content': { fontFamily: 'var(--font-mono, ui-monospace, monospace)', caretColor: 'var(--editor-fg)', paddingBlock: '0.75rem' },
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter-bg)', color: 'var(--editor-gutter-fg)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '&.cm-focused': { outline: '3px solid var(--editor-focus)', outlineOffset: '2px' },
  '.cm-scroller': { minHeight: 'var(--editor-min-height, 24rem)' },
  '.cm-lintRange-error': { backgroundColor: 'var(--editor-problem-bg)' },
})

// Colours from CSS variables (app/globals.css), so Markdown reads with enough contrast in both themes.
const markdownHighlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: 'bold', color: 'var(--editor-heading)' },
  { tag: [tags.emphasis], fontStyle: 'italic' },
  { tag: [tags.strong], fontWeight: 'bold' },
  { tag: [tags.link, tags.url], color: 'var(--editor-link)', textDecoration: 'underline' },
  { tag: [tags.monospace, tags.literal], color: 'var(--editor-code)' },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator, tags.list, tags.quote], color: 'var(--editor-mark)' },
  { tag: [tags.angleBracket, tags.tagName, tags.attributeName], color: 'var(--editor-tag)' },
])

/** Applies a toolbar format to the main selection, as one undoable step. */
export function applyFormat(view: EditorView, kind: FormatKind): boolean {
  const { from, to } = view.state.selection.main
  const edit = formatEdit(kind, view.state.doc.toString(), { from, to })
  view.dispatch({ changes: { from: edit.from, to: edit.to, insert: edit.insert }, selection: { anchor: edit.anchor, head: edit.head }, scrollIntoView: true, userEvent: 'input.format' })
  view.focus()
  return true
}

/** Problems as CodeMirror diagnostics: marked from their column to the end of their line. */
export function problemMarkers(view: EditorView, problems: Problem[]) {
  const { doc } = view.state
  const diagnostics: Diagnostic[] = problems.map((problem) => {
    const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines))
    const from = Math.min(line.from + Math.max(problem.column - 1, 0), line.to)
    return { from, to: Math.max(line.to, from), severity: 'error', message: problem.message }
  })
  return setDiagnostics(view.state, diagnostics)
}

/** Moves the cursor to a problem's line and column, in view, and focuses the body. */
export function goToProblem(view: EditorView, problem: Problem) {
  const { doc } = view.state
  const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines))
  const at = Math.min(line.from + Math.max(problem.column - 1, 0), line.to)
  view.dispatch({ selection: { anchor: at }, scrollIntoView: true })
  view.focus()
}

type Handlers = { onSave: () => void }

/**
 * Everything the body editor is made of but its content: Markdown highlighting, line numbers, soft
 * wrap, undo, problem markers, Ctrl/Cmd+S and the format shortcuts. Tab is left to move focus, so
 * the editor never traps the keyboard.
 */
export function editorExtensions(handlers: { current: Handlers }): Extension[] {
  return [
    lineNumbers(),
    lintGutter(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    // No auto-closed tags: typing <Figure …> and its closing tag by hand must not leave a stray one.
    markdown({ completeHTMLTags: false }),
    syntaxHighlighting(markdownHighlight),
    placeholder('Write the note in Markdown: $math$, ```code```, <Figure caption="…">…</Figure>'),
    keymap.of([
      { key: 'Mod-s', preventDefault: true, run: () => (handlers.current.onSave(), true) },
      ...FORMATS.map(({ kind, key }) => ({ key, preventDefault: true, run: (view: EditorView) => applyFormat(view, kind) })),
      ...defaultKeymap,
      ...historyKeymap,
      ...lintKeymap,
    ]),
    theme,
  ]
}
