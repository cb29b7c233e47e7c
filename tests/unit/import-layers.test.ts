import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const SOURCE = /\.(ts|tsx|mts|mjs)$/
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g

type Import = { file: string; target: string }

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`
    return entry.isDirectory() ? sourceFiles(rel) : SOURCE.test(entry.name) ? [rel] : []
  })
}

/** Every import of a project file, as a path from the project root (`lib/notes/slug`). */
function importsIn(dir: string): Import[] {
  return sourceFiles(dir).flatMap((file) =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(IMPORT)].flatMap((match) => {
      const spec = match[1] ?? match[2] ?? match[3]
      if (spec.startsWith('@/')) return [{ file, target: spec.slice(2) }]
      if (spec.startsWith('.')) return [{ file, target: path.relative(root, path.resolve(root, path.dirname(file), spec)) }]
      return [{ file, target: spec }]
    }),
  )
}

// A folder directly under lib/, or a file at lib/'s top.
const libUnit = (rel: string) => rel.split('/').slice(0, 2).join('/').replace(/(\.d)?\.(ts|mts|mjs)$/, '')

/** Folder groups that import each other, directly or round a longer loop (Tarjan's algorithm). */
function loops(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  const visit = (node: string) => {
    index.set(node, index.size)
    low.set(node, index.get(node)!)
    stack.push(node)
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) visit(next)
      if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, low.get(next)!))
    }
    if (low.get(node) === index.get(node)) {
      const group = stack.splice(stack.indexOf(node))
      if (group.length > 1) found.push(group.sort())
    }
  }
  for (const node of edges.keys()) if (!index.has(node)) visit(node)
  return found
}

describe('import layers', () => {
  const lib = importsIn('lib')

  it('has no import loop between lib folders', () => {
    const edges = new Map<string, Set<string>>()
    for (const { file, target } of lib) {
      const [from, to] = [libUnit(file), libUnit(target)]
      if (!target.startsWith('lib/') || from === to) continue
      edges.set(from, (edges.get(from) ?? new Set()).add(to))
    }
    const describeLoop = (group: string[]) =>
      `${group.join(' ↔ ')}: ${lib.filter(({ file, target }) => group.includes(libUnit(file)) && group.includes(libUnit(target)) && libUnit(file) !== libUnit(target)).map(({ file, target }) => `${file} → ${target}`).join(', ')}`
    expect(loops(edges).map(describeLoop)).toEqual([])
  })

  it('lets imports go one way: app → components → lib', () => {
    const upward = [
      ...lib.filter(({ target }) => /^(app|components)\//.test(target)),
      ...importsIn('components').filter(({ target }) => target.startsWith('app/')),
    ]
    expect(upward.map(({ file, target }) => `${file} → ${target}`)).toEqual([])
  })

  it('keeps lib/notes importable from client code and the build', () => {
    const serverOnly = importsIn('lib/notes').filter(({ target }) => /^(server-only|node:(fs|child_process)|fs|child_process)(\/|$)|^lib\/(drafts|settings)\//.test(target))
    expect(serverOnly.map(({ file, target }) => `${file} → ${target}`)).toEqual([])
  })

  it('keeps lib/startup to lib/settings and node builtins: instrumentation loads it before the server', () => {
    const beyond = importsIn('lib/startup').filter(({ target }) => !/^(node:|lib\/(settings|startup)\/)/.test(target))
    expect(beyond.map(({ file, target }) => `${file} → ${target}`)).toEqual([])
  })
})
