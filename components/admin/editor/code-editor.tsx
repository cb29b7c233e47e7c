'use client'

import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { Annotation, Compartment, EditorState } from '@codemirror/state'
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import { useEffect, useLayoutEffect, useRef } from 'react'

type CodeEditorProps = {
  id: string
  value: string
  onChange: (value: string) => void
  onSave: () => void
  /** Uploads a pasted or dropped image and returns the Markdown to insert, or null on failure. */
  uploadImage: (file: File) => Promise<string | null>
  /** Focus and cursor to take back on mount (the editor was remounted while the author typed). */
  resumeAt?: { anchor: number; head: number }
  /** Where the cursor is and whether the body has focus, as it changes. */
  onSelection?: (body: { focused: boolean; anchor: number; head: number }) => void
  describedBy?: string
  invalid?: boolean
}

const theme = EditorView.theme({
  '&': { fontSize: '0.9rem', backgroundColor: 'var(--editor-bg)', color: 'var(--editor-fg)', minHeight: '24rem' },
  '.cm-content': { fontFamily: 'var(--font-mono, ui-monospace, monospace)', caretColor: 'var(--editor-fg)' },
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter-bg)', color: 'var(--editor-gutter-fg)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '&.cm-focused': { outline: '3px solid var(--editor-focus)', outlineOffset: '2px' },
  '.cm-scroller': { minHeight: '24rem' },
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

// Marks a body replaced from outside, which is not the author typing.
const external = Annotation.define<boolean>()

function contentAttributes(id: string, describedBy?: string, invalid?: boolean) {
  return EditorView.contentAttributes.of({
    id,
    'aria-label': 'Body (Markdown and MDX)',
    'aria-multiline': 'true',
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(invalid ? { 'aria-invalid': 'true' } : {}),
  })
}

function imageFiles(list: FileList | undefined | null): File[] {
  return [...(list ?? [])].filter((file) => file.type.startsWith('image/') || file.type === '')
}

/**
 * The Markdown/MDX body editor: CodeMirror 6 with highlighting, line numbers, soft wrap and undo;
 * Ctrl/Cmd+S saves; images pasted or dropped are uploaded and inserted as Markdown. Tab is left to
 * move focus, so the editor never traps the keyboard.
 */
export function CodeEditor({ id, value, onChange, onSave, uploadImage, resumeAt, onSelection, describedBy, invalid }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const aria = useRef(new Compartment())
  // The latest callbacks, read by the editor's handlers, which are set up once.
  const handlers = useRef({ onChange, onSave, uploadImage, onSelection })
  useEffect(() => {
    handlers.current = { onChange, onSave, uploadImage, onSelection }
  })

  // A layout effect: the editor exists before the browser paints, so no keystroke finds it missing.
  useLayoutEffect(() => {
    const insertImages = (files: File[], at: number) => {
      void (async () => {
        for (const file of files) {
          const markdownText = await handlers.current.uploadImage(file)
          const editor = view.current
          if (!markdownText || !editor) continue
          const position = Math.min(at, editor.state.doc.length)
          const insert = `${markdownText}\n`
          editor.dispatch({ changes: { from: position, insert }, selection: { anchor: position + insert.length } })
          at = position + insert.length
        }
      })()
    }
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          // No auto-closed tags: typing <Figure …> and its closing tag by hand must not leave a stray one.
          markdown({ completeHTMLTags: false }),
          syntaxHighlighting(markdownHighlight),
          placeholder('Write the note in Markdown: $math$, ```code```, <Figure caption="…">…</Figure>'),
          keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (handlers.current.onSave(), true) }, ...defaultKeymap, ...historyKeymap]),
          EditorView.updateListener.of((update) => {
            const typed = !update.transactions.some((transaction) => transaction.annotation(external))
            if (update.docChanged && typed) handlers.current.onChange(update.state.doc.toString())
            if (update.selectionSet || update.focusChanged || update.docChanged) {
              const { anchor, head } = update.state.selection.main
              handlers.current.onSelection?.({ focused: update.view.hasFocus, anchor, head })
            }
          }),
          EditorView.domEventHandlers({
            paste(event, editor) {
              const files = imageFiles(event.clipboardData?.files)
              if (files.length === 0) return false
              event.preventDefault()
              insertImages(files, editor.state.selection.main.head)
              return true
            },
            drop(event, editor) {
              const files = imageFiles(event.dataTransfer?.files)
              if (files.length === 0) return false
              event.preventDefault()
              const at = editor.posAtCoords({ x: event.clientX, y: event.clientY }) ?? editor.state.selection.main.head
              insertImages(files, at)
              return true
            },
          }),
          aria.current.of(contentAttributes(id, describedBy, invalid)),
          theme,
        ],
      }),
    })
    view.current = editor
    if (resumeAt) {
      const end = editor.state.doc.length
      editor.dispatch({ selection: { anchor: Math.min(resumeAt.anchor, end), head: Math.min(resumeAt.head, end) } })
      editor.focus()
    }
    return () => {
      editor.destroy()
      view.current = null
    }
    // The editor is created once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    view.current?.dispatch({ effects: aria.current.reconfigure(contentAttributes(id, describedBy, invalid)) })
  }, [id, describedBy, invalid])

  // A body replaced from outside (a restored local copy, the server's side of a conflict).
  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value }, annotations: external.of(true) })
    }
  }, [value])

  return <div ref={host} data-testid="body-editor" className="rounded-md border border-zinc-400 dark:border-zinc-600" />
}
