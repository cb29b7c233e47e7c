'use client'

import { Annotation, Compartment, EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Problem } from '@/lib/editor/api'
import { editorExtensions, problemMarkers } from './code-editor-setup'

type Cursor = { focused: boolean; anchor: number; head: number }

type CodeEditorProps = {
  id: string
  value: string
  onChange: (value: string) => void
  onSave: () => void
  /** Uploads a pasted or dropped image and returns the Markdown to insert, or null on failure. */
  uploadImage: (file: File) => Promise<string | null>
  /** Marked at their lines (gutter and underline), as the preview or the server found them. */
  problems: Problem[]
  /** The CodeMirror view, once it exists (the toolbar and the problem list act on it). */
  onReady: (view: EditorView | null) => void
  /** Focus and cursor to take back on mount (the editor was remounted while the author typed). */
  resumeAt?: { anchor: number; head: number }
  onSelection?: (body: Cursor) => void
  describedBy?: string
}

// Marks a body replaced from outside, which is not the author typing.
const external = Annotation.define<boolean>()

function contentAttributes(id: string, describedBy: string | undefined, invalid: boolean) {
  return EditorView.contentAttributes.of({
    id,
    'aria-label': 'Body (Markdown and MDX)',
    'aria-multiline': 'true',
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(invalid ? { 'aria-invalid': 'true' } : {}),
  })
}

const imageFiles = (list: FileList | undefined | null) => [...(list ?? [])].filter((file) => file.type.startsWith('image/') || file.type === '')

/** Inserts each uploaded image's Markdown at `at`, in order, as the uploads finish. */
export async function insertImages(view: () => EditorView | null, upload: (file: File) => Promise<string | null>, files: File[], at: number) {
  for (const file of files) {
    const markdownText = await upload(file)
    const editor = view()
    if (!markdownText || !editor) continue
    const position = Math.min(at, editor.state.doc.length)
    const insert = `${markdownText}\n`
    editor.dispatch({ changes: { from: position, insert }, selection: { anchor: position + insert.length } })
    at = position + insert.length
  }
}

/** The Markdown/MDX body editor (CodeMirror 6); images pasted or dropped are uploaded and inserted. */
export function CodeEditor({ id, value, onChange, onSave, uploadImage, problems, onReady, resumeAt, onSelection, describedBy }: CodeEditorProps) {
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
    const upload = (file: File) => handlers.current.uploadImage(file)
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          editorExtensions(handlers),
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
              void insertImages(() => view.current, upload, files, editor.state.selection.main.head)
              return true
            },
            drop(event, editor) {
              const files = imageFiles(event.dataTransfer?.files)
              if (files.length === 0) return false
              event.preventDefault()
              const at = editor.posAtCoords({ x: event.clientX, y: event.clientY }) ?? editor.state.selection.main.head
              void insertImages(() => view.current, upload, files, at)
              return true
            },
          }),
          aria.current.of(contentAttributes(id, describedBy, problems.length > 0)),
        ],
      }),
    })
    view.current = editor
    onReady(editor)
    if (resumeAt) {
      const end = editor.state.doc.length
      editor.dispatch({ selection: { anchor: Math.min(resumeAt.anchor, end), head: Math.min(resumeAt.head, end) } })
      editor.focus()
    }
    return () => {
      onReady(null)
      editor.destroy()
      view.current = null
    }
    // The editor is created once; later values arrive through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    view.current?.dispatch({ effects: aria.current.reconfigure(contentAttributes(id, describedBy, problems.length > 0)) })
  }, [id, describedBy, problems.length])

  // A body replaced from outside (a restored local copy, the server's side of a conflict).
  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value }, annotations: external.of(true) })
    }
  }, [value])

  useEffect(() => {
    const editor = view.current
    if (editor) editor.dispatch(problemMarkers(editor, problems))
  }, [problems])

  return <div ref={host} data-testid="body-editor" className="rounded-md border border-zinc-400 dark:border-zinc-600" />
}
