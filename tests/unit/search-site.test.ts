import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { GeneratedContent } from '@/lib/content/generated'

// The site's index, from lib/content as the pages read it: Contentlayer's output stands in here.
const state = vi.hoisted(() => ({ content: null as unknown }))
vi.mock('@/lib/content/generated', () => ({ generatedContent: () => state.content }))

const { searchFile, searchManifest, searchSite } = await import('@/lib/search')

const CANARY = 'canary-7f3a9c'

function note(slug: string, title: string, raw: string, draft = false) {
  return { slug, url: `/notes/${slug}`, title, summary: `About ${title}`, date: '2025-01-01', tags: ['cuda'], draft, body: { raw, code: '' } }
}

function publish(id: string, notes: ReturnType<typeof note>[]) {
  state.content = { id, allNotes: notes, allProblems: [], profile: {} } as unknown as GeneratedContent
}

/** Every file the dialog could fetch for the current manifest, as one text. */
function everything(): string {
  const { version, keys, sections } = searchManifest()
  const files = [...keys.map((_, n) => searchFile(version, 'terms', n)), ...sections.map((_, n) => searchFile(version, 'notes', n))]
  expect(files.every((file) => file !== null)).toBe(true)
  return [JSON.stringify(searchManifest()), ...files].join('\n')
}

const KERNELS = note('kernels', 'Kernels', 'Intro.\n\n## Copies\n\nCall `cudaMemcpy` after `__syncthreads()`.')
const DRAFT = note('secret', `Draft ${CANARY}`, `## Hidden\n\nThe word ${CANARY} and cudaMemcpy.`, true)

describe('the site’s search index', () => {
  beforeEach(() => publish('v1', [KERNELS, DRAFT]))

  it('holds published notes only, in the shards, the notes files and the no-JS search', async () => {
    expect(everything()).not.toContain(CANARY)
    expect(everything()).not.toContain('secret')
    expect(await searchSite(CANARY)).toEqual([])
    expect((await searchSite('cudaMemcpy')).map((hit) => hit.url)).toEqual(['/notes/kernels#copies'])
    expect((await searchSite('__syncthreads'))[0]).toMatchObject({ url: '/notes/kernels#copies', title: 'Kernels', heading: 'Copies' })
  })

  it('makes new shards, at new addresses, when the content changes, and only then', async () => {
    const before = searchManifest().version
    publish('v2', [KERNELS, DRAFT])
    // The same notes give the same bytes, so the build's and the server's addresses agree.
    expect(searchManifest().version).toBe(before)

    publish('v3', [KERNELS, note('warps', 'Warps', '## Divergence\n\nA warpdivergence example.')])
    const after = searchManifest().version
    expect(after).not.toBe(before)
    expect(searchFile(before, 'terms', 0)).toBeNull()
    expect(searchFile(after, 'terms', 0)).not.toBeNull()
    expect(searchFile(after, 'terms', 999)).toBeNull()
    expect(everything()).toContain('warpdivergence')
    expect((await searchSite('warpdivergence')).map((hit) => hit.url)).toEqual(['/notes/warps#divergence'])
  })
})
