import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { isDraftSource } from '../content/draft-files.mjs'
import { validateSlug } from '../notes/slug'
import { NotebookError, parseNotebook } from './notebook'
import { notebookFields } from './to-mdx'

function isPublishedNotebook(file: string): boolean {
  try {
    return notebookFields(parseNotebook(readFileSync(file, 'utf8'))).draft !== true
  } catch (error) {
    // Its conversion reports what is wrong with it; a link to it is not the problem.
    if (error instanceof NotebookError) return false
    throw error
  }
}

/**
 * The notes a notebook may link to as files (`naive-bayes.ipynb`, `cuda.mdx`), by file name: the
 * notes folder's notes and notebooks whose name is a slug and that are not drafts. A notebook with
 * the name of an .mdx note does not build, so it is left out.
 */
export function publishedNoteFiles(notesDir: string): Map<string, string> {
  const names = existsSync(notesDir) ? readdirSync(notesDir) : []
  const notes = new Map<string, string>()
  for (const name of names) {
    const [, stem, ext] = /^(.*)\.(mdx|ipynb)$/.exec(name) ?? []
    if (!stem || !validateSlug(stem).ok) continue
    const file = path.join(notesDir, name)
    if (ext === 'mdx' && !isDraftSource(readFileSync(file, 'utf8'))) notes.set(name, stem)
    if (ext === 'ipynb' && !names.includes(`${stem}.mdx`) && isPublishedNotebook(file)) notes.set(name, stem)
  }
  return notes
}
