import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { FRONT_MATTER } from '../notes/note-file'
import type { Root } from 'mdast'
import { findMathProblems, parseNoteBody } from '../mdx/policy'

/** The MDX files Contentlayer compiles, relative to the content folder. */
function mdxFiles(contentDir: string): string[] {
  const inDir = (dir: string) =>
    existsSync(path.join(contentDir, dir)) ? readdirSync(path.join(contentDir, dir)).filter((name) => name.endsWith('.mdx')).map((name) => `${dir}/${name}`) : []
  return [...inDir('notes'), ...inDir('problems'), ...(existsSync(path.join(contentDir, 'profile.mdx')) ? ['profile.mdx'] : [])].sort()
}

/**
 * Every problem `check` finds in the content's MDX files, as "file:line:column message" lines:
 * checked before Contentlayer compiles, whose own report of the first such error is buried in a
 * bundler message. Files that do not parse are left to Contentlayer, which names their syntax
 * error; `skip` names files the build leaves out (drafts).
 */
export function findContentFileProblems(contentDir: string, skip: string[], check: (tree: Root, body: string) => { line: number; column: number; message: string }[]): string[] {
  const problems: string[] = []
  for (const file of mdxFiles(contentDir).filter((name) => !skip.includes(name))) {
    const source = readFileSync(path.join(contentDir, file), 'utf8')
    // Front matter becomes blank lines, so line numbers stay those of the file.
    const body = source.replace(FRONT_MATTER, (block) => block.replace(/[^\n]/g, ''))
    let tree
    try {
      tree = parseNoteBody(body)
    } catch {
      continue
    }
    for (const problem of check(tree, body)) {
      problems.push(`${contentDir}/${file}:${problem.line}:${problem.column} ${problem.message}`)
    }
  }
  return problems
}

/** Every math problem in the content's MDX files (findContentFileProblems). */
export function findContentMathProblems(contentDir: string, skip: string[] = []): string[] {
  return findContentFileProblems(contentDir, skip, findMathProblems)
}
