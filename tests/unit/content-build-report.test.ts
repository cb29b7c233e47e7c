import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContentBuildError, formatProblemList, isContentlayerBuildCommand, reportingContentProblems, throwIfProblems } from '@/lib/content/build-report'

const root = path.resolve(import.meta.dirname, '../..')

describe('the content build report', () => {
  it('lists every problem once under its heading, and nothing when all is well', () => {
    const notebooks = formatProblemList('Invalid notebooks', ['content/notes/a.ipynb: cell 2, line 1: KaTeX: …', 'content/notes/b.ipynb: cell 3: …'])
    expect(notebooks).toBe('Invalid notebooks (2):\n  • content/notes/a.ipynb: cell 2, line 1: KaTeX: …\n  • content/notes/b.ipynb: cell 3: …')
    expect(() => throwIfProblems([formatProblemList('Math that cannot be rendered', ['x.mdx:1:1 Math: …']), formatProblemList('Invalid notebooks', [])])).toThrow(
      new ContentBuildError('Math that cannot be rendered (1):\n  • x.mdx:1:1 Math: …'),
    )
    expect(() => throwIfProblems([formatProblemList('Invalid notebooks', [])])).not.toThrow()
  })

  it('reads as the report alone where Contentlayer prints it with toString (the dev watcher)', () => {
    const error = new ContentBuildError('Invalid notebooks (1):\n  • a')
    expect(String(error)).toBe('Invalid notebooks (1):\n  • a')
  })

  it('ends the process only in `contentlayer2 build`, never in the watcher or the live builder', () => {
    const cli = path.join(root, 'node_modules/contentlayer2/bin/cli.cjs')
    expect(isContentlayerBuildCommand(['node', cli, 'build'])).toBe(true)
    expect(isContentlayerBuildCommand(['node', path.join(root, 'node_modules/.bin/contentlayer2'), 'build', '--clearCache'])).toBe(true)
    expect(isContentlayerBuildCommand(['node', cli, 'dev'])).toBe(false)
    expect(isContentlayerBuildCommand(['node', path.join(root, 'lib/publishing/content-builder.mjs'), 'build'])).toBe(false)
    expect(isContentlayerBuildCommand(['node'])).toBe(false)
  })

  it('hands problems to the caller outside the build command, and results through', async () => {
    await expect(reportingContentProblems(() => 'built')).resolves.toBe('built')
    await expect(reportingContentProblems(() => throwIfProblems(['Invalid notebooks (1):\n  • a']))).rejects.toThrow(ContentBuildError)
    await expect(reportingContentProblems(() => Promise.reject(new TypeError('a bug')))).rejects.toThrow(TypeError)
  })
})
