import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readNotebookFile } from '@/lib/notebooks/served-file'

const publicDir = mkdtempSync(path.join(tmpdir(), 'notebook-files-'))
afterAll(() => rmSync(publicDir, { recursive: true, force: true }))
mkdirSync(path.join(publicDir, 'notebooks/matmul'), { recursive: true })
writeFileSync(path.join(publicDir, 'notebooks/matmul/cell-3-0123456789.png'), 'png bytes')
writeFileSync(path.join(publicDir, 'notebooks/matmul/cell-3-0123456789-480.webp'), 'webp bytes')
writeFileSync(path.join(publicDir, 'notebooks/matmul/matmul.ipynb'), '{}')
writeFileSync(path.join(publicDir, 'secret.png'), 'not a notebook file')
symlinkSync(path.join(publicDir, 'secret.png'), path.join(publicDir, 'notebooks/matmul/cell-4-0123456789.png'))

describe('notebook files written after the server started', () => {
  it('serves a plot and the notebook a build wrote, with their types', async () => {
    expect(await readNotebookFile(publicDir, 'matmul', 'cell-3-0123456789.png')).toMatchObject({ contentType: 'image/png' })
    expect(await readNotebookFile(publicDir, 'matmul', 'matmul.ipynb')).toMatchObject({ contentType: 'application/x-ipynb+json' })
    // A plot's WebP variant (lib/images/variants.mjs), as WebP whatever it holds.
    expect(await readNotebookFile(publicDir, 'matmul', 'cell-3-0123456789-480.webp')).toMatchObject({ contentType: 'image/webp' })
  })

  it('refuses names a build never writes, other folders and links out of the folder', async () => {
    for (const [slug, name] of [['matmul', '../../secret.png'], ['..', 'secret.png'], ['matmul', 'cell-4-0123456789.png'], ['matmul', 'notes.txt'], ['matmul', 'cell-3-0123456789.png.html'], ['Matmul', 'matmul.ipynb'], ['matmul', 'cell-3-0123456789-9999.webp'], ['matmul', 'cell-3-0123456789-480.svg'], ['matmul', '../cell-3-0123456789-480.webp']]) {
      expect(await readNotebookFile(publicDir, slug, name), `${slug}/${name}`).toBeNull()
    }
  })
})
