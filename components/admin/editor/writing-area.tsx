'use client'

import type { EditorView } from '@codemirror/view'
import { useRef } from 'react'
import type { Problem } from '@/lib/editor/api'
import { CodeEditor } from './code-editor'
import { FormatToolbar } from './format-toolbar'
import { ProblemList } from './problem-list'

type Cursor = { focused: boolean; anchor: number; head: number }

type WritingAreaProps = {
  value: string
  onChange: (body: string) => void
  onSave: () => void
  uploadImage: (file: File) => Promise<string | null>
  problems: Problem[]
  bodyError?: string
  draft: boolean
  resumeAt?: { anchor: number; head: number }
  onSelection: (cursor: Cursor) => void
  onReady: (view: EditorView | null) => void
  onSelectProblem: (problem: Problem) => void
  focus: boolean
}

const PROBLEMS_ID = 'body-problems'

/** The body: format toolbar, the editor with problems marked at their lines, and the problem list. */
export function WritingArea({ problems, bodyError, draft, onReady, onSelectProblem, focus, ...editor }: WritingAreaProps) {
  const view = useRef<EditorView | null>(null)
  const one = problems.length === 1
  const count = one ? '1 problem' : `${problems.length} problems`
  return (
    <div className="space-y-2" style={{ ['--editor-min-height' as string]: focus ? 'calc(100vh - 14rem)' : 'max(24rem, calc(100vh - 20rem))' }}>
      <FormatToolbar view={() => view.current} uploadImage={editor.uploadImage} controls="note-body" />
      <CodeEditor
        id="note-body"
        {...editor}
        problems={problems}
        describedBy={problems.length ? PROBLEMS_ID : 'body-hint'}
        onReady={(ready) => {
          view.current = ready
          onReady(ready)
        }}
      />
      <p id="body-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
        Markdown with $math$, fenced code and the note components. Paste or drop an image to add it. Tab moves on to the next control.
      </p>
      {bodyError && <p className="text-sm text-red-800 dark:text-red-300">{bodyError}</p>}
      <ProblemList
        id={PROBLEMS_ID}
        title={`${count} in the body, marked in the margin. ${draft ? `A draft can be saved with ${one ? 'it' : 'them'}; fix ${one ? 'it' : 'them'} to publish.` : `Fix ${one ? 'it' : 'them'} to update the published note.`}`}
        problems={problems}
        onSelect={onSelectProblem}
      />
    </div>
  )
}
