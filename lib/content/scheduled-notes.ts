import { readFileSync } from 'node:fs'
import path from 'node:path'
import { checkMdxPolicy } from '../mdx/policy'
import { FRONT_MATTER, parseNoteFile } from '../notes/note-file'
import { noteInputFromFile } from '../notes/note-input'
import { parseNoteInput } from '../notes/schema'

/**
 * What would keep the scheduled notes (`notes/<slug>.mdx`, not built yet) from being published at
 * their time, as "file: field …" and "file:line:column …" lines. The build leaves them out until
 * then, and no author is there when the live server builds them: they are checked now, with the
 * editor's own rules (fields, and a body that compiles nothing unsafe and renders its math).
 */
export function findScheduledNoteProblems(contentDir: string, files: string[]): string[] {
  const problems: string[] = []
  for (const file of files) {
    const source = readFileSync(path.join(contentDir, file), 'utf8')
    const placed = `${contentDir}/${file}`
    let input: Record<string, unknown>
    try {
      input = noteInputFromFile(parseNoteFile(source))
    } catch (error) {
      problems.push(`${placed}: ${(error as Error).message}`)
      continue
    }
    const result = parseNoteInput(input)
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.errors)) problems.push(`${placed}: field "${field}" ${message}`)
    }
    // Front matter becomes blank lines, so line numbers stay those of the file.
    const body = source.replace(FRONT_MATTER, (block) => block.replace(/[^\n]/g, ''))
    for (const problem of checkMdxPolicy(body)) problems.push(`${placed}:${problem.line}:${problem.column} ${problem.message}`)
  }
  return problems
}
