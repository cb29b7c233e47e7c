import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { readLivePointer } from '@/lib/content/live-pointer'
import { refreshContent, requestRefresh, stopContentBuilder, type RefreshOptions } from '@/lib/publishing/refresh'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const dirs: string[] = []
afterAll(() => {
  stopContentBuilder()
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

function tempDir(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`))
  dirs.push(dir)
  return dir
}

/** A copy of the real content and a place for live snapshots. */
function site() {
  const contentDir = path.join(tempDir('live-content'), 'content')
  cpSync(path.join(root, 'content'), contentDir, { recursive: true })
  const liveDir = tempDir('live-snapshots')
  const revalidations: number[] = []
  const options: RefreshOptions = { projectDir: root, contentDir, liveDir, buildId: 'test-build', revalidate: () => void revalidations.push(Date.now()) }
  return { contentDir, liveDir, options, revalidations }
}

const notes = (liveDir: string) => {
  const pointer = readLivePointer(liveDir)!
  return JSON.parse(readFileSync(path.join(liveDir, pointer.dir, 'Note/_index.json'), 'utf8')) as { _id: string; title: string; draft: boolean }[]
}

const note = (title: string, extra = '') => `---\ntitle: "${title}"\ndate: 2026-11-30\nsummary: "S"\ntags: []\ndraft: false\n${extra}---\n\nBody of ${title}.\n`

describe('live refresh', () => {
  it('publishes what a full Contentlayer build of the same content gives', async () => {
    const { contentDir, liveDir, options, revalidations } = site()
    writeFileSync(path.join(contentDir, 'notes/live-one.mdx'), note('Live one'))
    const result = await refreshContent(options)
    expect(result).toMatchObject({ ok: true })
    expect(revalidations).toHaveLength(1)
    expect(readLivePointer(liveDir)).toMatchObject({ buildId: 'test-build' })
    const live = notes(liveDir)
    expect(live.map((n) => n.title)).toContain('Live one')

    // The same content through `contentlayer2 build` in a folder of its own.
    const full = tempDir('full-build')
    cpSync(path.join(root, 'contentlayer.config.ts'), path.join(full, 'contentlayer.config.ts'))
    for (const name of ['lib', 'node_modules', 'public']) symlinkSync(path.join(root, name), path.join(full, name))
    symlinkSync(contentDir, path.join(full, 'content'))
    // As `npm run build` runs it: no NODE_ENV (the refresh's builder drops the server's too).
    // Node leaves out variables set to undefined.
    const env = { ...process.env, PWD: full, CONTENT_DIR: 'content', NODE_ENV: undefined } as unknown as NodeJS.ProcessEnv
    await run('node', ['node_modules/contentlayer2/bin/cli.cjs', 'build'], { cwd: full, env })
    const built = JSON.parse(readFileSync(path.join(full, '.contentlayer/generated/Note/_index.json'), 'utf8')) as typeof live
    const byId = (list: typeof live) => [...list].sort((a, b) => a._id.localeCompare(b._id))
    expect(byId(live)).toEqual(byId(built))
  })

  it('a content build that fails changes nothing public, and names the file', async () => {
    const { contentDir, liveDir, options, revalidations } = site()
    expect((await refreshContent(options)).ok).toBe(true)
    const before = readLivePointer(liveDir)
    writeFileSync(path.join(contentDir, 'notes/broken.mdx'), note('Broken', 'updated: 2020-01-01\n'))
    const result = await refreshContent(options)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain('content/notes/broken.mdx')
    expect(readLivePointer(liveDir)).toEqual(before)
    expect(revalidations).toHaveLength(1)
    expect(notes(liveDir).map((n) => n.title)).not.toContain('Broken')
  })

  it('a burst of requests shares builds: at most one running and one waiting', async () => {
    const { contentDir, liveDir, options, revalidations } = site()
    const first = requestRefresh(options)
    // Once the first build has started, the next changes wait for one more build, which they share.
    await new Promise((resolve) => setTimeout(resolve, 200))
    writeFileSync(path.join(contentDir, 'notes/burst.mdx'), note('Burst'))
    const rest = await Promise.all(Array.from({ length: 5 }, () => requestRefresh(options)))
    expect((await first).ok).toBe(true)
    expect(rest.every((result) => result.ok)).toBe(true)
    expect(new Set(rest.map((result) => result.ok && result.version)).size).toBe(1)
    expect(revalidations).toHaveLength(2)
    expect(notes(liveDir).map((n) => n.title)).toContain('Burst')
  })
})
