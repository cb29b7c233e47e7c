// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EMPTY_FIELDS, type EditorFields } from '@/lib/editor/fields'
import { localCopyKey, readLocalCopy } from '@/lib/editor/local-copy'
import { PREVIEW_DELAY_MS, useLivePreview, type PreviewAnswer } from '@/lib/editor/use-live-preview'
import { AUTOSAVE_DELAY_MS, RETRY_DELAY_MS, useNoteSaver, type EditorInitial } from '@/lib/editor/use-note-saver'
import { useConflictChoice } from '@/lib/editor/use-conflict-choice'
import { usePublishing } from '@/lib/editor/use-publishing'

const push = vi.fn()
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }))

/**
 * The admin API as the editor sees it: a note store with versions, answering as the real routes do
 * (200 with the new version, 409 with the current text on a stale version). `down` drops requests
 * as a lost network would.
 */
function fakeServer() {
  const notes = new Map<string, { version: string; note: Record<string, unknown> }>()
  const requests: { method: string; url: string; body: Record<string, unknown> }[] = []
  let versions = 0
  const server = { notes, requests, down: false, problems: [] as { line: number; column: number; message: string }[], hold: null as Promise<void> | null }
  const json = (status: number, data: unknown) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } })
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (server.down) throw new TypeError('Failed to fetch')
    const body = JSON.parse(String(init.body ?? '{}'))
    requests.push({ method: init.method!, url, body })
    if (server.hold) await server.hold
    const [, slug, action] = /\/api\/admin\/notes\/([^/]+)\/?(\w*)/.exec(url)!
    const current = notes.get(slug)
    if ((current?.version ?? null) !== body.version) return json(409, { error: 'Changed elsewhere.', code: 'conflict', current })
    const version = `v${++versions}`
    if (action === 'publish') {
      notes.set(slug, { version, note: { ...current!.note, draft: init.method === 'DELETE' } })
      return json(200, { version, commit: 'c', draft: init.method === 'DELETE', date: '2026-12-01', deploy: { triggered: false }, live: { ok: true, ms: 5 } })
    }
    const target = body.slug ?? slug
    if (body.slug) notes.delete(slug)
    notes.set(target, { version, note: body.note })
    return json(200, { slug: target, version, commit: body.commit ? 'c' : null, draft: true, problems: server.problems })
  })
  return server
}

const NEW_NOTE: EditorInitial = { slug: null, version: null, draft: true, fields: EMPTY_FIELDS }
const noop = () => {}

const flush = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)))

beforeEach(() => {
  vi.useFakeTimers()
  window.localStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('useNoteSaver', () => {
  it('keeps each change in the browser at once, autosaves a draft after a pause, then forgets the copy', async () => {
    const server = fakeServer()
    const { result } = renderHook(() => useNoteSaver(NEW_NOTE, null, noop))
    expect(result.current.state.kind).toBe('new')
    act(() => result.current.change({ title: 'Streams', slug: 'streams', body: 'Hello' }))
    expect(result.current.state.kind).toBe('unsaved')
    expect(readLocalCopy(window.localStorage, localCopyKey(null))?.fields.body).toBe('Hello')
    await flush(AUTOSAVE_DELAY_MS - 100)
    expect(server.requests).toHaveLength(0)
    await flush(200)
    expect(server.requests).toEqual([expect.objectContaining({ method: 'PUT', body: expect.objectContaining({ version: null, commit: false }) })])
    expect(result.current.state).toMatchObject({ kind: 'saved', committed: false })
    expect(result.current.serverSlug).toBe('streams')
    expect(result.current.dirty).toBe(false)
    expect(readLocalCopy(window.localStorage, localCopyKey('streams'))).toBeNull()
  })

  it('saves one at a time: a second save waits and names the version the first one made', async () => {
    const server = fakeServer()
    let release = noop
    server.hold = new Promise((resolve) => (release = resolve))
    const { result } = renderHook(() => useNoteSaver(NEW_NOTE, null, noop))
    act(() => result.current.change({ title: 'T', slug: 't', body: 'one' }))
    let first: Promise<boolean>, second: Promise<boolean>
    act(() => void (first = result.current.save(true)))
    act(() => result.current.change({ body: 'two' }))
    act(() => void (second = result.current.save(true)))
    await flush(0)
    expect(server.requests).toHaveLength(1)
    server.hold = null
    release()
    await act(async () => void (await Promise.all([first!, second!])))
    expect(server.requests.map((request) => [request.body.version, (request.body.note as { body: string }).body])).toEqual([
      [null, 'one'],
      ['v1', 'two'],
    ])
    expect(server.notes.get('t')?.version).toBe('v2')
  })

  it('a stale version comes back as a conflict: take theirs, or keep mine over their version', async () => {
    const server = fakeServer()
    server.notes.set('cuda', { version: 'v0', note: { title: 'CUDA', body: 'theirs' } })
    const initial = { slug: 'cuda', version: 'old', draft: true, fields: { ...EMPTY_FIELDS, title: 'CUDA', slug: 'cuda', body: 'mine' } }
    const { result } = renderHook(() => {
      const saver = useNoteSaver(initial, null, noop)
      return { ...saver, ...useConflictChoice(saver) }
    })
    act(() => result.current.change({ body: 'mine, edited' }))
    await act(async () => void (await result.current.save(true)))
    expect(result.current.state.kind).toBe('conflict')
    expect(result.current.conflict?.version).toBe('v0')
    act(() => result.current.keepMine())
    await flush(0)
    expect(server.requests.at(-1)?.body).toMatchObject({ version: 'v0', commit: true })
    expect(server.notes.get('cuda')?.note.body).toBe('mine, edited')

    server.notes.set('cuda', { version: 'v9', note: { title: 'CUDA', body: 'theirs again' } })
    act(() => result.current.change({ body: 'mine again' }))
    await act(async () => void (await result.current.save(true)))
    act(() => result.current.takeTheirs())
    expect(result.current.fields.body).toBe('theirs again')
    expect(result.current.state.kind).toBe('saved')
    expect(result.current.dirty).toBe(false)
  })

  it('offline: says so, keeps the change, and retries until the server answers', async () => {
    const server = fakeServer()
    server.down = true
    const { result } = renderHook(() => useNoteSaver(NEW_NOTE, null, noop))
    act(() => result.current.change({ title: 'T', slug: 't', body: 'kept' }))
    await flush(AUTOSAVE_DELAY_MS)
    expect(result.current.state.kind).toBe('offline')
    expect(readLocalCopy(window.localStorage, localCopyKey(null))?.fields.body).toBe('kept')
    server.down = false
    await flush(RETRY_DELAY_MS)
    expect(result.current.state.kind).toBe('saved')
    expect(server.notes.get('t')?.note.body).toBe('kept')
  })

  it('a draft with problems is saved, and the problems come back to mark', async () => {
    const server = fakeServer()
    server.problems = [{ line: 3, column: 1, message: 'Math: KaTeX parse error' }]
    const { result } = renderHook(() => useNoteSaver(NEW_NOTE, null, noop))
    act(() => result.current.change({ title: 'T', slug: 't', body: 'a\n\n$\\frac{$' }))
    await act(async () => void (await result.current.save(false)))
    expect(result.current.state.kind).toBe('saved')
    expect(result.current.problems).toEqual(server.problems)
  })

  it('never autosaves a published note, and refuses to save without a title', async () => {
    const server = fakeServer()
    const published = { slug: 'p', version: 'v0', draft: false, fields: { ...EMPTY_FIELDS, title: 'P', slug: 'p' } }
    const { result } = renderHook(() => useNoteSaver(published, null, noop))
    act(() => result.current.change({ body: 'not yet for readers' }))
    await flush(AUTOSAVE_DELAY_MS * 2)
    expect(server.requests).toHaveLength(0)
    act(() => result.current.change({ title: '  ' }))
    await act(async () => void (await result.current.save(true)))
    expect(result.current.state).toEqual({ kind: 'invalid', error: 'Add a title to save the note.' })
    expect(server.requests).toHaveLength(0)
  })
})

describe('useLivePreview', () => {
  const fields = (body: string): EditorFields => ({ ...EMPTY_FIELDS, title: 'T', body })

  it('renders a pause after typing; a failing render keeps the last good one; a late answer is dropped', async () => {
    const answers: Record<string, PreviewAnswer | Promise<PreviewAnswer>> = {
      good: { ok: true, preview: 'rendered good' },
      bad: { ok: false, problems: [{ line: 1, column: 2, message: 'Math' }] },
    }
    const render = vi.fn(async ({ body }: { body: string }) => answers[body])
    const { result, rerender } = renderHook(({ value }) => useLivePreview(value, render, { preview: 'initial', problems: [] }), { initialProps: { value: fields('start') } })
    expect(render).not.toHaveBeenCalled()
    rerender({ value: fields('good') })
    await flush(PREVIEW_DELAY_MS - 1)
    expect(render).not.toHaveBeenCalled()
    await flush(1)
    expect(result.current.preview).toBe('rendered good')
    rerender({ value: fields('bad') })
    await flush(PREVIEW_DELAY_MS)
    expect(result.current).toMatchObject({ preview: 'rendered good', problems: [{ line: 1 }] })

    let late = noop as (answer: PreviewAnswer) => void
    answers.slow = new Promise((resolve) => (late = resolve))
    rerender({ value: fields('slow') })
    await flush(PREVIEW_DELAY_MS)
    rerender({ value: fields('good') })
    await flush(PREVIEW_DELAY_MS)
    await act(async () => late({ ok: true, preview: 'stale' }))
    expect(result.current).toMatchObject({ preview: 'rendered good', problems: [] })
  })

  it('says when the server cannot be reached, keeping what it showed', async () => {
    const render = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
    const { result, rerender } = renderHook(({ value }) => useLivePreview(value, render, { preview: 'initial', problems: [] }), { initialProps: { value: fields('a') } })
    rerender({ value: fields('b') })
    await flush(PREVIEW_DELAY_MS)
    expect(result.current).toMatchObject({ preview: 'initial', unreachable: true })
  })
})

describe('usePublishing', () => {
  it('saves unsaved changes first, then publishes the version that save made', async () => {
    const server = fakeServer()
    const said: string[] = []
    const say = (notice: string) => void said.push(notice)
    const { result } = renderHook(() => {
      const saver = useNoteSaver(NEW_NOTE, null, noop)
      return { saver, publishing: usePublishing(saver, { mode: 'live', onSite: false, historyEnabled: true, say }) }
    })
    act(() => result.current.saver.change({ title: 'T', slug: 't', summary: 'S', body: 'text' }))
    await act(async () => void (await result.current.publishing.setPublished(true)))
    expect(server.requests.map((request) => `${request.method} ${request.body.version}`)).toEqual(['PUT null', 'POST v1'])
    expect(result.current.saver.draft).toBe(false)
    expect(result.current.saver.fields.date).toBe('2026-12-01')
    expect(result.current.publishing.onSite).toBe(true)
    expect(said.at(-1)).toBe('Published. It is live at /notes/t.')
  })
})
