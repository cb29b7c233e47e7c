'use client'

import type { EditorView } from '@codemirror/view'
import { useRef, useSyncExternalStore, type KeyboardEvent } from 'react'
import { FORMATS, keyLabel } from '@/lib/editor/formatting'
import { applyFormat } from './code-editor-setup'
import { insertImages } from './code-editor'

type FormatToolbarProps = {
  view: () => EditorView | null
  uploadImage: (file: File) => Promise<string | null>
  controls: string
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform)
const never = () => () => {}
const shown = (key: string, mac: boolean) => keyLabel(key, mac).replace('Control', 'Ctrl').replace('Meta', '⌘')

const buttonClass =
  'min-h-8 min-w-8 rounded px-2 py-1 text-sm font-medium text-zinc-800 hover:bg-zinc-200 dark:text-zinc-100 dark:hover:bg-zinc-800'

/**
 * What these notes use, one click (or shortcut) away: heading, bold, italic, link, code, math,
 * image and figure. A toolbar in the ARIA sense: one tab stop, arrow keys move between buttons.
 */
export function FormatToolbar({ view, uploadImage, controls }: FormatToolbarProps) {
  // The server renders Ctrl; a Mac shows ⌘ once hydrated.
  const mac = useSyncExternalStore(never, isMac, () => false)
  const picker = useRef<HTMLInputElement>(null)
  const bar = useRef<HTMLDivElement>(null)

  const moveFocus = (event: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length
    event.preventDefault()
    buttons.forEach((button, index) => (button.tabIndex = index === next ? 0 : -1))
    buttons[next]?.focus()
  }

  const pickImages = async (files: FileList | null) => {
    const editor = view()
    if (!files || !editor) return
    await insertImages(view, uploadImage, [...files], editor.state.selection.main.head)
    if (picker.current) picker.current.value = ''
  }

  return (
    <div ref={bar} role="toolbar" aria-label="Format" aria-controls={controls} onKeyDown={moveFocus} className="flex flex-wrap items-center gap-0.5 rounded-md border border-zinc-300 bg-zinc-50 p-1 dark:border-zinc-700 dark:bg-zinc-900">
      {FORMATS.map(({ kind, label, key, text }, index) => (
        <button
          key={kind}
          type="button"
          tabIndex={index === 0 ? 0 : -1}
          title={`${label} (${shown(key, mac)})`}
          aria-label={label}
          aria-keyshortcuts={keyLabel(key, mac)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            const editor = view()
            if (editor) applyFormat(editor, kind)
          }}
          className={`${buttonClass} ${kind === 'bold' ? 'font-bold' : kind === 'italic' ? 'italic' : ''} ${kind.startsWith('code') || kind.endsWith('ath') ? 'font-mono' : ''}`}
        >
          {text}
        </button>
      ))}
      <button type="button" tabIndex={-1} title="Image: upload a picture" aria-label="Image" onClick={() => picker.current?.click()} className={buttonClass}>
        Image
      </button>
      <input ref={picker} type="file" accept="image/png,image/jpeg,image/gif,image/webp,image/avif" multiple hidden onChange={(event) => void pickImages(event.target.files)} />
    </div>
  )
}
