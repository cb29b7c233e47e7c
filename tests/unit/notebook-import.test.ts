import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NoteStore } from '@/lib/drafts/store'
import { importNotebook } from '@/lib/admin/notebook-import'
import { convertForImport } from '@/lib/notebooks/import-conversion'

const root = mkdtempSync(path.join(tmpdir(), 'import-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, encoding: 'utf8' })
git('init', '-q')
git('commit', '-q', '--allow-empty', '-m', 'start')

// The route converts in a worker thread (bundled by Next); here the same conversion runs in this one.
const inThread = async (text: string, slug: string) => convertForImport(text, slug)
const store = new NoteStore(path.join(root, 'content/notes'))
const publicDir = path.join(root, 'public')
mkdirSync(publicDir)
const imagesRoot = path.join(publicDir, 'notes')
const fixture = readFileSync(path.join(import.meta.dirname, '../fixtures/notebooks/import-me.ipynb'))

describe('importing a notebook', () => {
  it('writes a draft and its plot as one commit', async () => {
    const { slug, images } = await importNotebook('import-me.ipynb', fixture, imagesRoot, store, inThread)
    expect([slug, images]).toEqual(['imported-notebook-fixture', 1])
    const note = await store.read(slug)
    expect(note?.fields).toMatchObject({ title: 'Imported notebook fixture', draft: true })
    const [image] = /\/notes\/imported-notebook-fixture\/cell-2-[0-9a-f]{10}\.png/.exec(note!.body)!
    expect(existsSync(path.join(publicDir, image))).toBe(true)
    expect(git('log', '-1', '--format=%s')).toContain('Import notebook import-me.ipynb as note imported-notebook-fixture')
    // The plot's WebP variant (64 px wide: its own width) is made at import and committed with it.
    expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'content/notes/imported-notebook-fixture.mdx',
      `public${image.replace(/\.png$/, '-64.webp')}`,
      `public${image}`,
    ])
  })

  it('takes a free slug the second time, and refuses bad input with a clear message, writing nothing', async () => {
    expect((await importNotebook('import-me.ipynb', fixture, imagesRoot, store, inThread)).slug).toBe('imported-notebook-fixture-2')
    const before = git('rev-parse', 'HEAD')
    const huge = JSON.parse(fixture.toString('utf8'))
    huge.cells[1].outputs[1].data['image/png'] = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(6 * 1024 * 1024)]).toString('base64')
    await expect(importNotebook('huge.ipynb', Buffer.from(JSON.stringify(huge)), imagesRoot, store, inThread)).rejects.toMatchObject({
      status: 422,
      message: 'huge.ipynb: cell 2: image/png output: The image is larger than 5 MB; resize or compress it first.',
    })
    await expect(importNotebook('x.ipynb', Buffer.from([0xff, 0xfe, 0x00]), imagesRoot, store, inThread)).rejects.toMatchObject({ status: 400 })
    await expect(importNotebook('x.ipynb', Buffer.from('{"nbformat": 3, "cells": []}'), imagesRoot, store, inThread)).rejects.toMatchObject({
      message: expect.stringMatching(/^x\.ipynb: nbformat: only nbformat 4 notebooks are supported/),
    })
    expect(git('rev-parse', 'HEAD')).toBe(before)
    expect(await store.list()).toEqual(['imported-notebook-fixture', 'imported-notebook-fixture-2'])
  })

  it('refuses a notebook too large for a note before converting it, naming what is too large', async () => {
    const before = git('rev-parse', 'HEAD')
    const notebook = (cells: unknown[]) => Buffer.from(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { note: { title: 'Big' } }, cells }))
    const markdown = { cell_type: 'markdown', metadata: {}, source: 'x'.repeat(9_400_000) }
    await expect(importNotebook('big.ipynb', notebook([markdown]), imagesRoot, store, inThread)).rejects.toMatchObject({
      status: 422,
      message: 'big.ipynb: its cells and text outputs come to 9.4 MB, and a note body may be at most 1 MB (clear large outputs or split the notebook).',
    })
    const table = { output_type: 'display_data', metadata: {}, data: { 'text/html': `<table>${'<tr><td>1</td></tr>'.repeat(150_000)}</table>` } }
    const code = { cell_type: 'code', metadata: {}, source: 'df', execution_count: 1, outputs: [table] }
    await expect(importNotebook('wide.ipynb', notebook([markdown, code].slice(1)), imagesRoot, store, inThread)).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^wide\.ipynb: cell 1 has an HTML output of 2\.9 MB; an import reads HTML outputs of up to 2\.0 MB/),
    })
    expect(git('rev-parse', 'HEAD')).toBe(before)
  })
})
