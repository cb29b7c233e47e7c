import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import matter from 'gray-matter'
import { afterAll, describe, expect, it } from 'vitest'
import { splitIntoBlocks } from '@/lib/drafts/preview-blocks'
import { EXECUTABLE_FRONT_MATTER_MESSAGE, opensForeignFrontMatter } from '@/lib/mdx/front-matter-guard.mjs'
import { checkNoteBody } from '@/lib/mdx/policy'
import { compileNoteBody } from '@/lib/mdx/preview-compiler'

const dir = mkdtempSync(path.join(tmpdir(), 'front-matter-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A body that, compiled block by block before the fix, ran code on the server. */
function attack(marker: string, { closed = true } = {}) {
  const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, String(process.pid))`
  return `Intro paragraph.\n\n---js\n${code}\n${closed ? '---\n' : ''}`
}

describe('front matter written as JavaScript is never evaluated', () => {
  it('the preview compiler refuses a ---js block, closed or not, and runs nothing', async () => {
    for (const closed of [true, false]) {
      const marker = path.join(dir, `preview-${closed}`)
      const source = attack(marker, { closed })
      const blocks = source.split('\n\n')
      await expect(compileNoteBody({ blocks })).rejects.toThrow(EXECUTABLE_FRONT_MATTER_MESSAGE)
      await expect(compileNoteBody({ source: blocks[1] })).rejects.toThrow(EXECUTABLE_FRONT_MATTER_MESSAGE)
      expect(existsSync(marker), `closed: ${closed}`).toBe(false)
    }
  })

  it('gray-matter itself refuses JavaScript in every process that loads the guard', () => {
    const marker = path.join(dir, 'gray-matter')
    const source = `--- javascript\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, '1')\n---\nbody`
    expect(() => matter(source, { engines: { yaml: (text: string) => ({ text }) } })).toThrow(EXECUTABLE_FRONT_MATTER_MESSAGE)
    expect(existsSync(marker)).toBe(false)
  })

  it('the policy refuses a block the preview would compile as front matter, at its line', () => {
    for (const opener of ['---js', '--- js', '---JavaScript', '\uFEFF---js', '--- yaml']) {
      const body = `Intro paragraph.\n\n${opener}\nx: 1\n---\n`
      const { problems } = checkNoteBody(body)
      expect(problems, opener).toContainEqual(expect.objectContaining({ line: 3, message: expect.stringContaining('front-matter syntax') }))
    }
    // Rules and escaped dashes stay allowed.
    for (const body of ['Intro.\n\n---\n\nMore.\n', 'Intro.\n\n\\---js is fine\n', 'Intro.\n\n----\n', 'Title\n---\n']) {
      expect(checkNoteBody(body).problems, body).toEqual([])
    }
  })

  it('the policy and the block splitter agree: every block that passes opens no front matter', () => {
    const body = 'One.\n\n***\n\nTwo ---js here.\n\n> ---js quoted\n\n- ---js listed\n'
    const { problems, tree } = checkNoteBody(body)
    expect(problems).toEqual([])
    for (const block of splitIntoBlocks(body, tree!) ?? []) expect(opensForeignFrontMatter(block), block).toBe(false)
  })
})
