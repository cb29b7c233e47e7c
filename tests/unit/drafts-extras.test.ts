import { createServer } from 'node:http'
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { triggerDeploy } from '@/lib/drafts/deploy-hook'
import { publishNotice } from '@/lib/editor/publish-notice'
import { resetSettings } from '@/lib/settings'
import { imageFileName } from '@/lib/notes/image-name'
import { readNoteImage, saveNoteImage } from '@/lib/drafts/images'
import { ShareStore } from '@/lib/drafts/shares'
import { imageType } from '@/lib/notes/image-type'
import { parseNoteFile, serializeNote } from '@/lib/notes/note-file'

const dirs: string[] = []
function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'drafts-extra-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const PNG = readFileSync(path.join(import.meta.dirname, '../fixtures/loss-curve.png'))

describe('images', () => {
  it('knows an image by its first bytes, whatever its name says', () => {
    expect(imageType(PNG)).toBe('png')
    expect(imageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpg')
    expect(imageType(new TextEncoder().encode('GIF89a....'))).toBe('gif')
    expect(imageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
  })

  it('refuses SVG, other files, empty and oversized uploads with a reason', () => {
    expect(() => imageType(new TextEncoder().encode('<?xml version="1.0"?>\n<svg onload="alert(1)">'))).toThrow('SVG images are refused')
    expect(() => imageType(new TextEncoder().encode('%PDF-1.7'))).toThrow('not a PNG, JPEG, GIF, WebP or AVIF')
    expect(() => imageType(new Uint8Array())).toThrow('empty')
    const huge = new Uint8Array(5 * 1024 * 1024 + 1)
    huge.set(PNG.subarray(0, 8))
    expect(() => imageType(huge)).toThrow('larger than 5 MB')
  })

  it('names the file safely from its words and content, and stores it under the note', async () => {
    expect(imageFileName('../../etc/Loss Curve (final).PNG', PNG, 'png')).toMatch(/^etc-loss-curve-final-[0-9a-f]{10}\.png$/)
    expect(imageFileName('日本.png', PNG, 'png')).toMatch(/^image-[0-9a-f]{10}\.png$/)
    const publicDir = tempDir()
    const saved = await saveNoteImage(publicDir, 'cuda-streams', 'Loss curve.png', PNG)
    expect(saved.markdown).toMatch(/^!\[loss curve\]\(\/notes\/cuda-streams\/loss-curve-[0-9a-f]{10}\.png\)$/)
    expect(readFileSync(path.join(publicDir, saved.url))).toEqual(PNG)
    await expect(saveNoteImage(publicDir, '../escape', 'x.png', PNG)).rejects.toThrow('slug')
  })

  it('refuses to write through a linked note folder', async () => {
    const publicDir = tempDir()
    const elsewhere = tempDir()
    mkdirSync(path.join(publicDir, 'notes'))
    symlinkSync(elsewhere, path.join(publicDir, 'notes', 'linked'))
    await expect(saveNoteImage(publicDir, 'linked', 'x.png', PNG)).rejects.toThrow('link')
    expect(existsSync(path.join(elsewhere, 'x.png'))).toBe(false)
  })
})

describe('share links', () => {
  it('verifies a live link and refuses tampered, expired and revoked ones', async () => {
    let now = 1_000_000
    const store = new ShareStore(path.join(tempDir(), 'shares.json'), 'a-secret-of-enough-length-0123456789', () => now)
    const { share, token } = await store.create('streams', 7)
    expect(await store.verify(token)).toEqual(share)
    expect(await store.verify(`${token}x`)).toBeNull()
    expect(await store.verify(token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')))).toBeNull()
    expect(await store.verify(`${token}.extra`)).toBeNull()
    // Another secret (a rotated AUTH_SECRET) invalidates every link.
    const rotated = new ShareStore(path.join(dirs.at(-1)!, 'shares.json'), 'another-secret-of-enough-length-000', () => now)
    expect(await rotated.verify(token)).toBeNull()

    now += 7 * 24 * 3_600_000 + 1
    expect(await store.verify(token)).toBeNull()
    now = 1_000_000
    expect((await store.list('streams')).map((s) => s.id)).toEqual([share.id])
    expect(await store.revoke(share.id)).toBe(true)
    expect(await store.verify(token)).toBeNull()
    await expect(store.create('../x', 1)).rejects.toThrow()
  })
})

describe('deploy hook', () => {
  it('POSTs to the configured hook and reports what happened', async () => {
    const calls: string[] = []
    const server = createServer((request, response) => {
      calls.push(request.method!)
      response.writeHead(request.url === '/fail' ? 500 : 200).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    try {
      expect(await triggerDeploy(`http://127.0.0.1:${port}/hook`)).toEqual({ triggered: true, ok: true, status: 200 })
      expect(await triggerDeploy(`http://127.0.0.1:${port}/fail`)).toEqual({ triggered: true, ok: false, error: 'The deploy hook answered 500.' })
      expect(calls).toEqual(['POST', 'POST'])
    } finally {
      server.close()
    }
    expect(await triggerDeploy(undefined)).toEqual({ triggered: false, reason: 'not-configured' })
    expect(await triggerDeploy('file:///etc/passwd')).toMatchObject({ ok: false, error: 'DEPLOY_HOOK_URL is not an http(s) URL.' })
  })

  it('with a content remote and no hook, says the push is what the host builds (not "rebuild and restart")', async () => {
    vi.stubEnv('CONTENT_GIT_REMOTE', 'https://git.example/me/site.git')
    resetSettings()
    try {
      const deploy = await triggerDeploy(undefined)
      expect(deploy).toEqual({ triggered: false, reason: 'pushed' })
      const notice = publishNotice(true, 'streams', 'deploy', null, deploy)
      expect(notice).toContain('pushed to the content repository: a host that builds on push shows it after that build')
      expect(notice).not.toContain('rebuild and restart')
    } finally {
      vi.unstubAllEnvs()
      resetSettings()
    }
  })
})

describe('note files with hostile text', () => {
  it('store titles and bodies with <script>, ]]>, quotes, YAML-looking and RTL text verbatim', () => {
    const title = 'Tom & "Jerry" <script>alert(1)</script> ]]> yes: no # שלום'
    const body = '---\nnot front matter\n]]> "q" שלום\n'
    const source = serializeNote({ title, summary: 'no', tags: ['on', '2021-01-01'], draft: true, body: `Intro\n\n${body}` })
    const parsed = parseNoteFile(source)
    expect(parsed.fields).toMatchObject({ title, summary: 'no', tags: ['on', '2021-01-01'], draft: true })
    expect(parsed.body).toBe(`Intro\n\n${body}`)
  })
})

describe('reading stored images back', () => {
  it('serves only names the admin makes, from inside the note folder', async () => {
    const publicDir = tempDir()
    const saved = await saveNoteImage(publicDir, 'streams', 'plot.png', PNG)
    const name = path.basename(saved.url)
    expect(await readNoteImage(publicDir, 'streams', name)).toEqual({ bytes: PNG, contentType: 'image/png' })
    for (const [slug, file] of [['streams', '../../secret-0123456789.png'], ['..', name], ['streams', 'plot.png'], ['streams', `${name}.svg`], ['other', name]]) {
      expect(await readNoteImage(publicDir, slug, file), `${slug}/${file}`).toBeNull()
    }
  })
})
