'use client'

import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react'
import type { Problem } from './api'
import { noteFromFields, type EditorFields } from './fields'

export const PREVIEW_DELAY_MS = 400

export type PreviewAnswer = { ok: true; preview: ReactNode } | { ok: false; problems: Problem[] }
export type RenderPreview = (input: ReturnType<typeof noteFromFields> & { slug: string }) => Promise<PreviewAnswer>

/**
 * The server-rendered preview of the fields, a pause after the author stops typing. A render
 * that fails keeps the last good one on screen and reports the problems; an answer that arrives
 * after a newer request started is dropped.
 */
export function useLivePreview(fields: EditorFields, render: RenderPreview, initial: { preview: ReactNode; problems: Problem[] }) {
  const [preview, setPreview] = useState<ReactNode>(initial.preview)
  const [problems, setProblems] = useState<Problem[]>(initial.problems)
  const [unreachable, setUnreachable] = useState(false)
  // Whether anything good was rendered yet (a saved body with problems opens with none).
  const [rendered, setRendered] = useState(initial.problems.length === 0)
  const runs = useRef(0)
  const first = useRef(true)

  useEffect(() => {
    // The page arrives with the preview of what it loaded.
    if (first.current) {
      first.current = false
      return
    }
    const timer = window.setTimeout(async () => {
      const run = ++runs.current
      try {
        const result = await render({ ...noteFromFields(fields), slug: fields.slug || 'preview' })
        if (run !== runs.current) return
        setUnreachable(false)
        if (result.ok) {
          // A transition: a render still loading its client parts keeps the last one on screen
          // instead of suspending the page (which would unmount the editor under the author).
          startTransition(() => setPreview(result.preview))
          setProblems([])
          setRendered(true)
        } else {
          setProblems(result.problems)
        }
      } catch {
        if (run === runs.current) setUnreachable(true)
      }
    }, PREVIEW_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [fields, render])

  return { preview, problems, unreachable, rendered }
}
